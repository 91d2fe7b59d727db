import { test } from 'node:test';
import assert from 'node:assert/strict';

import { htmlTable } from '../../src/report/html-table.js';

test('htmlTable wraps the table in its scrolling box and classes cells by what they hold', () => {
  const html = htmlTable(
    [{ heading: 'n' }, { heading: 'where', kind: 'token' }, { heading: 'when', kind: 'time' }],
    [[7, 'C:\\a.exe', ['2024-05-01T08:00:00.0000000Z', '2024-05-01T09:00:00.0000000Z']]],
  );

  assert.equal(
    html,
    '<div class="table-scroll"><table><thead><tr><th scope="col">n</th><th scope="col">where</th>' +
      '<th scope="col">when</th></tr></thead><tbody><tr><td class="number">7</td>' +
      '<td class="token">C:\\<wbr>a.<wbr>exe</td>' +
      '<td class="time">2024-05-01T08:00:00.0000000Z<br>2024-05-01T09:00:00.0000000Z</td>' +
      '</tr></tbody></table></div>',
  );
});

test('htmlTable breaks tokens after separators, IPv6 colons but not a drive colon', () => {
  const cells = (value: string) =>
    htmlTable([{ heading: 'x', kind: 'token' }], [[value]]).replace(
      /^.*<td class="token">|<\/td>.*$/g,
      '',
    );

  assert.equal(cells('2001:db8::1'), '2001:<wbr>db8:<wbr>:<wbr>1');
  assert.equal(cells('D:/x/y'), 'D:/<wbr>x/<wbr>y');
  assert.equal(cells('evil.example'), 'evil.<wbr>example');
  assert.equal(cells('<b>&.'), '&lt;b&gt;&amp;.');
  assert.equal(cells(''), '');
});
