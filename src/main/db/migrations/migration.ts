/** One numbered step of the schema. `up` is SQL, run inside the migration transaction. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}
