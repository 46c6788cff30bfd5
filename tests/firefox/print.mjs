// Print pages to PDF in Firefox, as a reader's "Print" command would (print media, background
// colours kept), one browser for every job: `node print.mjs FIREFOX JOBS_JSON`, where JOBS_JSON
// is a list of [url, pdf_path, "letter" | "a4"]. JavaScript runs as in a reader's browser.
import puppeteer from 'puppeteer-core';

const [executablePath, jobs] = [process.argv[2], JSON.parse(process.argv[3])];
const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
try {
  for (const [url, path, format] of jobs) {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.pdf({ path, format, printBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
