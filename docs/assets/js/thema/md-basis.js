// Material for MkDocs 9.8.1 partials/javascripts/base.html, moved out of the page for the CSP (script-src 'self').
// Defines the storage helpers the theme bundle uses. The scope comes from the script tag's data-md-scope.
(function () {
  var scope = document.currentScript.getAttribute("data-md-scope");
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (e) {
    return [...e].reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (e, store, base) {
    store = store || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(store.getItem(base.pathname + "." + e));
  };
  window.__md_set = function (e, value, store, base) {
    store = store || localStorage;
    base = base || window.__md_scope;
    try { store.setItem(base.pathname + "." + e, JSON.stringify(value)); } catch (err) { /* storage unavailable */ }
  };
  // Not Material's: the bundle fetches sitemap.xml next to every <link rel="alternate"> it finds, taking each as the
  // root of a language. Our hreflang links point at this page's own counterpart in the other language (the English
  // edition, mkdocs-static-i18n), so every page would fetch <page>/sitemap.xml and log a 404; the language switcher
  // already links each page to its counterpart. The links stay in the HTML for search engines; the bundle (which
  // matches rel exactly) no longer takes them for language roots.
  document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (l) {
    l.setAttribute("rel", "alternate x-taalversie");
  });
})();
