import { seedDirectoryFixture } from './tests/helpers/directory-fixture';
import { testApp } from './tests/helpers/app';
const t = await testApp({ seed: seedDirectoryFixture });
for (const p of process.argv.slice(2)) {
  const res = await t.app.request(p);
  console.log('==', p, res.status, res.headers.get('content-language'), res.headers.get('location'));
  const html = await res.text();
  console.log(html.replace(/<li><a href="\/[a-z]*\/?kommun[^<]*<\/a><\/li>/g, '').slice(0, 6000));
}
t.close();
