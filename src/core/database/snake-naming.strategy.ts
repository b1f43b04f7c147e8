import { DefaultNamingStrategy, NamingStrategyInterface } from 'typeorm';

/** camelCase properties become snake_case columns unless a column names itself. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    const name = customName ?? propertyName.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
    return prefixes.length ? `${prefixes.join('_')}_${name}` : name;
  }
}
