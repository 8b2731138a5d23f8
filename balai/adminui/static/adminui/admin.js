/* Balai: Wagtail 8.0 writes the screen-reader-only submit button of its search forms as a
   literal "Search" (shared/header.html, home.html); give it the admin language's word.
   Loaded on every admin page by the insert_global_admin_js hook (balai/adminui). */
document.addEventListener("DOMContentLoaded", () => {
  const translate = window.gettext || ((text) => text);
  for (const button of document.querySelectorAll('input[type="submit"][value="Search"]')) {
    button.value = translate("Search");
  }
});
