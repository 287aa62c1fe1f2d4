/* Applies the reader's remembered theme before the first paint. Without a choice the page
   follows the system (prefers-color-scheme). Classic script, no inline code: CSP-friendly. */
(function () {
  try {
    var theme = localStorage.getItem('edition-theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
  } catch (e) {
    /* Storage may be blocked (file://, strict privacy settings): follow the system. */
  }
})();
