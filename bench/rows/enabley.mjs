// Enabley rows are added with the Enabley dialect.
export default async function enableyRows() {}
