// The colour theme, set on <html data-theme> before the first paint so a dark page never flashes
// light. A classic script file, not inline: the BFF's CSP allows scripts from 'self' only.
// The choice ("light", "dark", or the system's when none is stored) is written by the header's
// theme switch (src/features/theme/theme-choice.ts), which announces it with a "dsc:theme" event.
/* global window, document */
(function () {
  var KEY = 'dsc.theme';
  var root = document.documentElement;
  var systemDark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  function stored() {
    try {
      return window.localStorage.getItem(KEY);
    } catch {
      return null;
    }
  }
  function apply(choice) {
    var theme =
      choice === 'light' || choice === 'dark' ? choice : systemDark && systemDark.matches ? 'dark' : 'light';
    root.setAttribute('data-theme', theme);
    root.setAttribute('data-theme-choice', choice === 'light' || choice === 'dark' ? choice : 'system');
  }
  apply(stored());
  // The system's setting may change while the page is open (a scheduled dark mode at dusk).
  if (systemDark && systemDark.addEventListener)
    systemDark.addEventListener('change', function () {
      apply(root.getAttribute('data-theme-choice'));
    });
  // Another tab changed the choice.
  window.addEventListener('storage', function (e) {
    if (e.key === KEY) apply(e.newValue);
  });
  document.addEventListener('dsc:theme', function (e) {
    apply(e.detail);
  });
})();
