// Share: download a picture of the day shown (PNG, or the animation up to
// it as a GIF) and get the <iframe> snippet that embeds the map. Plain
// links with a download attribute, so phones save them as files too.

import { lang } from '../i18n.js';

const words = {
  en: { share: 'Share', image: 'Download image', gif: 'Animation (GIF)', embed: 'Embed', copy: 'Copy', copied: 'Copied' },
  fa: { share: 'اشتراک', image: 'دانلود تصویر', gif: 'انیمیشن (GIF)', embed: 'جاسازی', copy: 'کاپی', copied: 'کاپی شد' },
}[lang];

// pageURL is the full map's address for the current state, the embed flag
// set or not.
function pageURL(embed) {
  const url = new URL(window.location.href);
  url.hash = '';
  if (embed) {
    url.searchParams.set('embed', '1');
  } else {
    url.searchParams.delete('embed');
  }
  return url.href;
}

// snippet is the iframe that embeds the current state.
export function snippet() {
  const src = pageURL(true).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${src}" width="800" height="600" style="border:0;max-width:100%" loading="lazy" title="Panjshir &amp; Andarab: who held what" allow="fullscreen"></iframe>`;
}

export const ShareControl = L.Control.extend({
  options: { position: 'bottomright' },

  initialize(state, options) {
    L.Util.setOptions(this, options);
    this.state = state;
    this.update = this.update.bind(this);
  },

  onAdd() {
    const root = L.DomUtil.create('details', 'share panel');
    L.DomUtil.create('summary', '', root).textContent = words.share;
    this.image = L.DomUtil.create('a', 'share-image', root);
    this.image.textContent = words.image;
    this.gif = L.DomUtil.create('a', 'share-gif', root);
    this.gif.textContent = words.gif;
    const embed = L.DomUtil.create('button', 'share-embed', root);
    embed.type = 'button';
    embed.textContent = words.embed;
    this.code = L.DomUtil.create('textarea', 'share-code', root);
    this.code.readOnly = true;
    this.code.rows = 4;
    this.code.hidden = true;
    this.code.setAttribute('aria-label', words.embed);
    L.DomEvent.on(embed, 'click', () => this.showSnippet(embed));
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    this.state.model.addEventListener('datechange', this.update);
    this.state.addEventListener('change', this.update);
    this.update();
    return root;
  },

  onRemove() {
    this.state.model.removeEventListener('datechange', this.update);
    this.state.removeEventListener('change', this.update);
  },

  showSnippet(button) {
    this.code.hidden = false;
    this.code.value = snippet();
    this.code.select();
    navigator.clipboard?.writeText(this.code.value).then(() => { button.textContent = `${words.embed} · ${words.copied}`; }, () => {});
  },

  update() {
    const { model, view, known } = this.state;
    this.image.href = this.options.picture(model.date, view, known);
    this.image.download = `controlmap-${model.date}.${this.image.href.includes('.svg') ? 'svg' : 'png'}`;
    this.gif.href = this.options.animation(model.start, model.date);
    this.gif.download = `controlmap-${model.start}-${model.date}.gif`;
    if (!this.code.hidden) {
      this.code.value = snippet();
    }
  },
});
