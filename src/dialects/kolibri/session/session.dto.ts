import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class SessionLoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  username: string;

  @ApiProperty({ example: 'secret' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  password: string;

  @ApiPropertyOptional({ description: 'Facility id (32 hex digits or UUID) to log in to.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  facility?: string;
}

export class SessionDto {
  @ApiProperty({ example: '8f0e5a3c2b1d4e6f9a7b0c1d2e3f4a5b', description: 'User id, 32 hex digits.' })
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty({ nullable: true, type: String })
  full_name: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Facility id, 32 hex digits.' })
  facility_id: string | null;

  @ApiProperty({ type: [String], maxItems: 10, example: ['superuser'], description: 'Role kinds of the user.' })
  kind: string[];

  @ApiProperty({ description: 'JWT for every dialect (Authorization: Bearer or JWT).', example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjbGllbnQ6bXktY2xpZW50Iiwic2NvcGUiOiJyZWFkIHdyaXRlIiwiZXhwIjoxNzk2MjAwMDAwfQ.Qm9vdHN0cmFwIGV4YW1wbGUsIG5vdCBhIHJlYWwgc2ln' })
  access_token: string;
}
