import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { INT32 } from '../../../core/openapi/schema-types';

export class EnableyTokenQuery {
  @ApiProperty({ description: 'The API client id.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  clientKey: string;

  @ApiProperty({ description: 'The API client secret.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  secret: string;
}

export class EnableyTokenDto {
  @ApiProperty({ description: 'The JWT to send as `Authorization: Bearer <token>`.', example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjbGllbnQ6bXktY2xpZW50Iiwic2NvcGUiOiJyZWFkIHdyaXRlIiwiZXhwIjoxNzk2MjAwMDAwfQ.Qm9vdHN0cmFwIGV4YW1wbGUsIG5vdCBhIHJlYWwgc2ln' })
  access_token: string;

  @ApiProperty({ enum: ['bearer'], example: 'bearer' })
  token_type: string;

  @ApiProperty({ ...INT32, example: 3600000, description: 'Milliseconds.' })
  expires_in: number;
}
