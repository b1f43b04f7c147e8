import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateAccountDto {
  @ApiProperty({ example: 'acme', maxLength: 200, description: 'Unique account (tenant) name.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class AccountDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'acme' })
  name: string;
}

export class CreateClientDto {
  @ApiProperty({ example: 'lms-sync', maxLength: 200, description: 'A label for the client.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class CreatedClientDto {
  @ApiProperty({ example: 'cl_4f1c2a9e0b7d3e6a5c8b1f2d' })
  client_id: string;

  @ApiProperty({ description: 'Shown only in this answer; stored as an argon2id hash.' })
  client_secret: string;

  @ApiProperty({ format: 'uuid' })
  account_id: string;
}
