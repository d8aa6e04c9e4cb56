export { migrate } from "./migrate.js";
export { openSql } from "./open-sql.js";
export type { Row, Sql, SqlTx } from "./port.js";
