import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateScimTokenDto {
  @ApiProperty({ example: 'Okta production', maxLength: 200, description: 'A label: which identity provider holds the token.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class ScimTokenDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Okta production' })
  name: string;

  @ApiProperty({ format: 'date-time' })
  created: string;
}

export class CreatedScimTokenDto extends ScimTokenDto {
  @ApiProperty({ description: 'The bearer secret for /scim/v2/*; shown only in this answer, stored as its SHA-256.', example: 'scim_q3V1m8d0c2Jr5bQe7wXo9ZsLkT4yHn6aPf1gUi0vRcE' })
  token: string;
}
