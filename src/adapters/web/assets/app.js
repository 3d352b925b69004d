// Small enhancements only: every page works without this file.
(() => {
  const lang = document.documentElement.lang;

  // Print button: only shown where printing is possible.
  for (const b of document.querySelectorAll('.print-button')) {
    if (typeof window.print === 'function') {
      b.hidden = false;
      b.addEventListener('click', () => window.print());
    }
  }

  // Read aloud in the page's language, only where the phone has a voice for it (Web Speech API).
  const synth = window.speechSynthesis;
  const buttons = document.querySelectorAll('.read-aloud');
  if (synth && buttons.length) {
    const voiceFor = () =>
      synth.getVoices().find((v) => v.lang && v.lang.toLowerCase().split('-')[0] === lang);
    const setup = () => {
      const voice = voiceFor();
      for (const b of buttons) {
        b.hidden = !voice;
        if (!voice || b.dataset.ready) continue;
        b.dataset.ready = '1';
        const label = b.textContent;
        b.addEventListener('click', () => {
          if (synth.speaking) {
            synth.cancel();
            b.textContent = label;
            return;
          }
          const target = document.querySelector(b.dataset.read || 'main');
          const u = new SpeechSynthesisUtterance(target ? target.textContent : '');
          u.lang = voice.lang;
          u.voice = voice;
          u.onend = () => {
            b.textContent = label;
          };
          b.textContent = b.dataset.stop || label;
          synth.speak(u);
        });
      }
    };
    setup();
    synth.addEventListener?.('voiceschanged', setup);
  }

  // Offline: keep the knowledge base and the check's pages (never anything personal).
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register(`/sw.js?lang=${encodeURIComponent(lang)}`).catch(() => {});
  }
})();
