// The page's words in English and Dari. The language comes from the URL
// (?lang=fa); Dari lays the page out right to left. Dates stay ISO
// (YYYY-MM-DD) in both, so that they are never ambiguous.

const strings = {
  en: {
    title: 'Panjshir & Andarab: who held what',
    subtitle: "Assessed control and each side's claims, day by day from August 2021. Claims are not facts: where they disagree the district is outlined as disputed.",
    show: 'Show', assessed: 'Assessed control', talibanView: 'Taliban claims', resistanceView: 'Resistance claims',
    republic: 'Islamic Republic', taliban: 'Taliban', resistance: 'Resistance (NRF and allies)', contested: 'Contested', unknown: 'Unknown / no claim',
    disputedLegend: 'Disputed: current claims disagree', eventLegend: 'Event within a week',
    download: 'Download:', thisDay: 'this day (GeoJSON)', fullHistory: 'full history',
    district: 'District', choose: 'Choose or click a district',
    hint: 'Click a district to see who held it on this day, who claimed what, and the sources.',
    on: 'on', since: 'Since', until: 'until', confidence: 'confidence',
    disputedNote: 'Disputed: the current claims disagree with each other or with this assessment.',
    latestClaims: 'Latest claims', nothingYet: 'nothing recorded yet', independent: 'Independent reports',
    assessmentSources: 'Sources of the assessment', changesWithin: 'Changes within {n} days', noChange: 'No change of assessed control.',
    speed: 'Speed', loop: 'Loop', speed2: '2 days/s', speed7: '1 week/s', speed30: '1 month/s', goTo: 'Go to', dateSlider: 'Date slider, one step per day',
    prevChange: 'Previous change (Shift+Left)', prevDay: 'Previous day (Left)', play: 'Play (Space)', pause: 'Pause (Space)',
    nextDay: 'Next day (Right)', nextChange: 'Next change (Shift+Right)',
    compare: 'Compare two dates', compareFrom: 'From', compareTo: 'To', gained: 'gained', lost: 'lost', net: 'net',
    changesBetween: 'Changes between the dates', noneChanged: 'No district changed.', gif: 'Download the animation (GIF)',
    chart: 'Area under each status (km²); click to go to a day', language: 'دری', languageLabel: 'نمایش به دری',
    loadError: 'The map could not load its data.',
  },
  fa: {
    title: 'پنجشیر و اندراب: کی کجا را در اختیار داشت',
    subtitle: 'کنترل ارزیابی‌شده و ادعاهای هر طرف، روز به روز از اگست ۲۰۲۱. ادعا واقعیت نیست: جایی که ادعاها با هم نمی‌خوانند، ولسوالی مورد مناقشه نشان داده می‌شود.',
    show: 'نمایش', assessed: 'کنترل ارزیابی‌شده', talibanView: 'ادعاهای طالبان', resistanceView: 'ادعاهای مقاومت',
    republic: 'جمهوری اسلامی', taliban: 'طالبان', resistance: 'مقاومت (جبهه مقاومت ملی و متحدان)', contested: 'مورد منازعه', unknown: 'نامعلوم / بدون ادعا',
    disputedLegend: 'مورد مناقشه: ادعاهای جاری با هم نمی‌خوانند', eventLegend: 'رویداد در یک هفته',
    download: 'دانلود:', thisDay: 'همین روز (GeoJSON)', fullHistory: 'تمام تاریخچه',
    district: 'ولسوالی', choose: 'یک ولسوالی را انتخاب کنید',
    hint: 'روی یک ولسوالی کلیک کنید تا ببینید در این روز در دست کی بود، کی چه ادعا کرد، و منابع.',
    on: 'در', since: 'از', until: 'تا', confidence: 'اطمینان',
    disputedNote: 'مورد مناقشه: ادعاهای جاری با یکدیگر یا با این ارزیابی نمی‌خوانند.',
    latestClaims: 'آخرین ادعاها', nothingYet: 'هنوز چیزی ثبت نشده', independent: 'گزارش‌های مستقل',
    assessmentSources: 'منابع ارزیابی', changesWithin: 'تغییرات در {n} روز', noChange: 'کنترل ارزیابی‌شده تغییر نکرد.',
    speed: 'سرعت', loop: 'تکرار', speed2: '۲ روز در ثانیه', speed7: '۱ هفته در ثانیه', speed30: '۱ ماه در ثانیه', goTo: 'رفتن به', dateSlider: 'لغزنده تاریخ، هر گام یک روز',
    prevChange: 'تغییر قبلی', prevDay: 'روز قبل', play: 'پخش', pause: 'توقف', nextDay: 'روز بعد', nextChange: 'تغییر بعدی',
    compare: 'مقایسه دو تاریخ', compareFrom: 'از', compareTo: 'تا', gained: 'به دست آورد', lost: 'از دست داد', net: 'خالص',
    changesBetween: 'تغییرات میان دو تاریخ', noneChanged: 'هیچ ولسوالی تغییر نکرد.', gif: 'دانلود انیمیشن (GIF)',
    chart: 'مساحت زیر هر وضعیت (کیلومتر مربع)؛ برای رفتن به یک روز کلیک کنید', language: 'English', languageLabel: 'Show in English',
    loadError: 'نقشه نتوانست داده‌هایش را بارگیری کند.',
  },
};

export const lang = new URLSearchParams(window.location.search).get('lang') === 'fa' ? 'fa' : 'en';

// t returns the phrase for key in the page's language.
export function t(key, vars = {}) {
  const s = strings[lang][key] ?? strings.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

// statusLabel and viewLabel give the words for a status and a view in the
// page's language.
export function statusLabel(status) {
  return t(status);
}

const viewKeys = { assessed: 'assessed', taliban: 'talibanView', resistance: 'resistanceView' };

export function viewLabel(view) {
  return t(viewKeys[view]);
}

// areaName gives a district's name in the page's language.
export function areaName(area) {
  return lang === 'fa' ? area.name_fa : area.name;
}

// applyLanguage sets the document's language and direction, the masthead,
// and a link that switches language (keeping the rest of the URL).
export function applyLanguage() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
  document.querySelector('.masthead h1').textContent = t('title');
  document.querySelector('.masthead p').textContent = t('subtitle');
  const a = document.getElementById('lang-switch');
  const update = () => {
    const q = new URLSearchParams(window.location.search);
    q.set('lang', lang === 'fa' ? 'en' : 'fa');
    a.href = `?${q}`;
  };
  a.textContent = t('language');
  a.setAttribute('aria-label', t('languageLabel'));
  a.lang = lang === 'fa' ? 'en' : 'fa';
  update();
  window.addEventListener('popstate', update);
  return update;
}
