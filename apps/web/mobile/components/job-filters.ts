/** The 找活 filter values, as strings ('' means no filter); pay is 'unit:fen'. */
export type JobFilterValue = { town: string; occupationId: string; kind: string; pay: string; sort: string };
