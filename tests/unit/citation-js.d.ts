/** The part of Citation.js the tests use (the package ships no types). */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    /** The parsed items, as CSL-JSON. */
    data: unknown[];
  }
}
