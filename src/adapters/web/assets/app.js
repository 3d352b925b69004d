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

  // Read aloud (Web Speech API): piece by piece with pauses, never a long list; without a voice
  // for this language, help instead: the phone's screen reader, or a second language.
  const synth = window.speechSynthesis;
  const button = document.querySelector('.read-aloud');
  if (button) {
    // Without the Web Speech API at all, the button still opens the screen-reader help.
    const canSpeak = !!synth && typeof SpeechSynthesisUtterance === 'function';
    const base = (l) =>
      String(l || '')
        .toLowerCase()
        .split(/[-_]/)[0];
    const voiceFor = (l) => canSpeak && synth.getVoices().find((v) => base(v.lang) === base(l));
    const LONG_LIST = 8;
    const BLOCKS = 'h1,h2,h3,h4,legend,p,li,dt,dd,label,figcaption,select';
    const skip = (el) => el.closest('[hidden],[aria-hidden="true"],.no-print,svg,script,style');
    const PIECE = 250;
    /**
     * A long paragraph in pieces of whole sentences, each under PIECE characters where a sentence
     * allows: a listener can follow (and a phone's voice does not stop mid-way, as some do after ~15 s).
     */
    const sentences = (text) => {
      if (text.length <= PIECE) return [text];
      const lang = document.documentElement.lang || undefined;
      const parts =
        typeof Intl.Segmenter === 'function'
          ? [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)].map((s) => s.segment)
          : text.match(/[^.!?؟।።。]+[.!?؟।።。]*\s*/g) || [text];
      const out = [];
      for (const part of parts) {
        const last = out.length - 1;
        if (last >= 0 && out[last].length + part.length <= PIECE) out[last] += part;
        else out.push(part);
      }
      return out.map((t) => t.trim()).filter(Boolean);
    };
    /** The texts to speak, in reading order: one per heading, paragraph, list item or option. */
    const pieces = (doc, selector, listHint) => {
      const out = [];
      const taken = [];
      for (const scope of doc.querySelectorAll(selector)) {
        for (const el of scope.querySelectorAll(BLOCKS)) {
          if (skip(el) || taken.some((t) => t.contains(el))) continue;
          const list = el.tagName === 'SELECT' ? el : el.closest('.choices, ul, ol');
          const long =
            list && (list.tagName === 'SELECT' ? list.options.length : list.children.length) > LONG_LIST;
          if (long) {
            taken.push(list);
            out.push(listHint);
            continue;
          }
          taken.push(el);
          const text = el.textContent.replace(/\s+/g, ' ').trim();
          if (text) out.push(...sentences(text));
        }
      }
      return out;
    };
    const label = button.textContent;
    const stop = () => {
      synth.cancel();
      button.textContent = label;
    };
    const speakAll = (texts, voice) => {
      synth.cancel();
      button.textContent = button.dataset.stop || label;
      texts.forEach((text, i) => {
        const u = new SpeechSynthesisUtterance(text);
        u.lang = voice.lang;
        u.voice = voice;
        if (i === texts.length - 1) u.onend = () => (button.textContent = label);
        synth.speak(u);
      });
    };
    const help = document.getElementById('read-aloud-help');
    const second = document.querySelector('.read-aloud-second');
    const secondRow = document.querySelector('.read-aloud-second-row');
    const setup = () => {
      button.hidden = false;
      if (!second) return;
      // Offer only the languages this phone can speak.
      let any = false;
      for (const o of second.options) {
        o.hidden = !voiceFor(o.value);
        o.disabled = o.hidden;
        any = any || !o.hidden;
      }
      const first = [...second.options].find((o) => !o.hidden);
      if (first && second.selectedOptions[0]?.hidden) second.value = first.value;
      if (secondRow) secondRow.hidden = !any;
    };
    button.addEventListener('click', () => {
      if (canSpeak && synth.speaking) return stop();
      const voice = voiceFor(lang);
      if (!voice) {
        if (help) {
          help.hidden = !help.hidden;
          button.setAttribute('aria-expanded', String(!help.hidden));
        }
        return;
      }
      speakAll(pieces(document, button.dataset.read || 'main', button.dataset.listHint || ''), voice);
    });
    document.querySelector('.read-aloud-second-go')?.addEventListener('click', async () => {
      const other = second?.value;
      const voice = other && voiceFor(other);
      if (!voice) return;
      // The same page in the other language, read with the same rules.
      const path = location.pathname.replace(/^\/[^/]+/, `/${other}`) + location.search;
      try {
        const html = await fetch(path, { credentials: 'same-origin' }).then((r) => r.text());
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const hint = doc.querySelector('.read-aloud')?.dataset.listHint || '';
        speakAll(pieces(doc, button.dataset.read || 'main', hint), voice);
      } catch {
        // Offline or failed: nothing to read; the page itself is unchanged.
      }
    });
    setup();
    if (canSpeak) synth.addEventListener?.('voiceschanged', setup);
  }

  // Error summary (GOV.UK pattern): focus it so a screen reader reads it first; its links focus the field.
  const summary = document.querySelector('.error-summary');
  if (summary) {
    summary.focus();
    for (const a of summary.querySelectorAll('a[href^="#"]')) {
      a.addEventListener('click', (e) => {
        const field = document.getElementById(a.getAttribute('href').slice(1));
        if (!field) return;
        e.preventDefault();
        field.focus();
        field.scrollIntoView({ block: 'center' });
      });
    }
  }

  // Offline: the service worker keeps the pages a person opens (never anything personal) and,
  // only when asked, the knowledge base of this language with its search.
  if ('serviceWorker' in navigator && 'caches' in window && location.protocol !== 'file:') {
    navigator.serviceWorker.register(`/sw.js?lang=${encodeURIComponent(lang)}`).catch(() => {});
    const box = document.querySelector('[data-offline-save]');
    if (box) {
      const show = (name) => {
        for (const el of box.querySelectorAll(
          '[data-offline-saving], [data-offline-saved], [data-offline-failed]',
        ))
          el.hidden = !el.hasAttribute(name);
      };
      const button = box.querySelector('[data-offline-save-button]');
      box.hidden = false;
      caches
        .match(`/${lang}/offline.json`)
        .then((saved) => {
          if (saved) {
            button.hidden = true;
            show('data-offline-saved');
          }
        })
        .catch(() => {});
      button.addEventListener('click', async () => {
        button.disabled = true;
        show('data-offline-saving');
        try {
          const reg = await navigator.serviceWorker.ready;
          const done = new Promise((resolve) => {
            navigator.serviceWorker.addEventListener('message', function on(e) {
              if (e.data && e.data.type === 'save-offline') {
                navigator.serviceWorker.removeEventListener('message', on);
                resolve(e.data.ok);
              }
            });
          });
          reg.active.postMessage({ type: 'save-offline', lang });
          if (!(await done)) throw new Error('failed');
          button.hidden = true;
          show('data-offline-saved');
        } catch {
          button.disabled = false;
          show('data-offline-failed');
        }
      });
    }
  }
})();
