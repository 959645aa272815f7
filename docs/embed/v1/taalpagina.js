// The embed pages with a page per language (spoor2/ and scenario/: Dutch here, English under en/embed/v1/, each
// built with the texts of its language). The option taal (?taal=en; the loader's data-taal="en") asks for a language:
// kiesTaalpagina({nl: URL, en: URL}) opens the page of that language, with the same query, and returns null (the
// caller then starts nothing); on the right page it returns the page's language ("nl" or "en"). The caller sets
// <html lang> back to it after ../ingebed.js's startEmbed (which may set lang from the option): the texts of
// spoor2.js and the engine's answers follow that lang.

export function kiesTaalpagina(paginas) {
  const eigen = document.documentElement.lang === "en" ? "en" : "nl";
  const gevraagd = new URLSearchParams(location.search).get("taal") || eigen;
  if (gevraagd !== eigen && paginas[gevraagd]) {
    location.replace(paginas[gevraagd].href + location.search);
    return null;
  }
  return eigen;
}
