/** The edition as the page scripts see it; provided by the `edition` integration. */
declare module 'virtual:edition' {
  const edition: import('./client.ts').ClientEdition;
  export default edition;
}
