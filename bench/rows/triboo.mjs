// Triboo rows are added with the Triboo dialect.
export default async function tribooRows() {}
