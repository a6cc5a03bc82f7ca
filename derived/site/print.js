// The date a page is printed on, in its print footer: the day the reader prints it, not the day it was made.
"use strict";
window.addEventListener("beforeprint", () => {
  const today = new Date().toISOString().slice(0, 10);
  for (const span of document.querySelectorAll(".printed-on")) span.textContent = today;
});
// "Print this page as a case file" opens the browser's print dialogue; without JavaScript it reloads the page.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.print-link");
  if (link) {
    event.preventDefault();
    window.print();
  }
});
