// Print pages to PDF in Firefox, as a reader's "Print" command would (print media, background
// colours kept), one browser for every job: `node print.mjs FIREFOX JOBS_JSON`, where JOBS_JSON
// is a list of [url, pdf_path, "letter" | "a4"]. JavaScript runs as in a reader's browser.
import puppeteer from 'puppeteer-core';

// Jobs in this many tabs at once: Firefox spends most of a printout waiting, not computing (the
// 12 jobs of tests/test_firefox_print.py took 47 s one by one and 17 s four at a time, for less
// CPU), and the PDFs come out the same (page counts and text compared).
const TABS = 4;

const [executablePath, jobs] = [process.argv[2], JSON.parse(process.argv[3])];
const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });

async function printNext(page, queue) {
  for (let job = queue.shift(); job; job = queue.shift()) {
    const [url, path, format] = job;
    await page.goto(url, { waitUntil: 'load' });
    await page.pdf({ path, format, printBackground: true });
  }
}

try {
  // The tabs are opened one after another and kept for every job: Firefox sometimes refused a
  // tab opened while others were opening or closing ("BrowsingContext does no longer exist").
  const pages = [];
  for (let tab = 0; tab < Math.min(TABS, jobs.length); tab++) {
    pages.push(await browser.newPage());
  }
  const queue = [...jobs];
  await Promise.all(pages.map((page) => printNext(page, queue)));
} finally {
  await browser.close();
}
