/** The row-store engines we support; code that must differ per engine switches on this. */
export type RowDialect = 'sqlite' | 'postgres';
