// Writes nowruz.txt: the Gregorian date of 1 Hamal (Farvardin) of each
// Solar Hijri year from 1178 to 1480 AP, as ICU's Persian calendar gives
// it. Run with Node (whose Intl is ICU): node nowruz.js > nowruz.txt
const f = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", {
  timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric",
});
const out = [
  "# Solar Hijri year, Gregorian date of its 1 Hamal: ICU " + process.versions.icu + "'s Persian calendar.",
  "# Written by nowruz.js; persian_test.go walks every day from 1800 to 2100 with it.",
];
for (let gy = 1799; gy <= 2101; gy++) {
  for (let d = 18; d <= 23; d++) {
    const p = {};
    for (const x of f.formatToParts(new Date(Date.UTC(gy, 2, d)))) p[x.type] = x.value;
    if (p.month === "1" && p.day === "1") {
      out.push(p.year + " " + new Date(Date.UTC(gy, 2, d)).toISOString().slice(0, 10));
    }
  }
}
console.log(out.join("\n"));
