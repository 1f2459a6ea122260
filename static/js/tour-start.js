// The guided tour's entry: the "Take the tour" button and an address with tour=N. The tour's
// code, words and styles load only then (dynamic import), so they cost the first load nothing;
// meanwhile the button is busy, and a note says if they cannot load.
import { registerStrings } from "./i18n.js";
import { createLoadNote, stylesheet } from "./lazy.js";

registerStrings({ en: { "tour.open": "Take the tour" }, ru: { "tour.open": "Пройти по шагам" } });

/** Wire the entry button and load the tour when the state asks for one (store: state.js). */
export function initTour(store) {
  const button = document.getElementById("tour-open");
  const track = createLoadNote((note) => (button ? button.after(note) : document.body.prepend(note)));
  let loading = null; // the tour; null again after a failure
  const open = (tour) => tour && tour.open();
  function load() {
    if (!loading) {
      button?.setAttribute("aria-busy", "true");
      const tour = Promise.all([import("./tour.js"), stylesheet("static/css/tour.css")])
        .then(([module]) => module.createTour(store, { opener: button }));
      loading = track(tour, () => load().then(open)).then((done) => {
        button?.removeAttribute("aria-busy");
        if (!done) loading = null;
        return done;
      });
    }
    return loading;
  }
  if (button) button.addEventListener("click", () => load().then(open));
  // From here on the tour follows the store itself.
  const unsubscribe = store.subscribe((state) => {
    if (state.tour) load().then(unsubscribe);
  });
  if (store.get().tour) load().then(unsubscribe);
}
