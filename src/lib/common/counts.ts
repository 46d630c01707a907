/** A count as the pages say it: "1 document", "1,280 documents". */
export const countOf = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
