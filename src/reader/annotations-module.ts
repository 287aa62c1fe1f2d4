/** The annotation code, with its styles applied: loaded when the page shows or makes an annotation. */
export const annotations = () =>
  import('../annotate/ui/annotations.ts').then(async (m) => {
    await m.styled;
    return m;
  });
