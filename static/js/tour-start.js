// The guided tour's entry: the "Take the tour" button and an address with tour=N. The tour's
// code, words and styles load only then (dynamic import), so they cost the first load nothing.
import { registerStrings } from "./i18n.js";
import { stylesheet } from "./lazy.js";

registerStrings({ en: { "tour.open": "Take the tour" }, ru: { "tour.open": "Пройти по шагам" } });

/** Wire the entry button and load the tour when the state asks for one (store: state.js). */
export function initTour(store) {
  const button = document.getElementById("tour-open");
  let loading = null;
  function load() {
    if (!loading) {
      loading = Promise.all([import("./tour.js"), stylesheet("static/css/tour.css")])
        .then(([module]) => module.createTour(store, { opener: button }));
    }
    return loading;
  }
  if (button) button.addEventListener("click", () => load().then((tour) => tour.open()));
  const unsubscribe = store.subscribe((state) => {
    if (state.tour) load().then(unsubscribe); // from here on the tour follows the store itself
  });
  if (store.get().tour) load().then(unsubscribe);
}
