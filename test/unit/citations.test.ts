import { strict as assert } from 'assert';
import { type Citation, extractCitations } from '../../src/core/citations/extract';
import { parseRegistryCsv, ResolutionRegistry } from '../../src/core/citations/registry';
import { RESOLUTION_ROWS } from '../../src/core/citations/generated/securityCouncilResolutions';
import { FIRST_RESOLUTION_OF_YEAR } from '../../src/core/citations/generated/securityCouncilYears';
import { formatUnDate } from '../../src/core/text/dates';

function cite(text: string, documentDate?: string): Array<Partial<Citation> & { text: string }> {
  return extractCitations(text, { documentDate }).map((c) => ({
    text: text.slice(c.start, c.end),
    body: c.body,
    number: c.number,
    session: c.session,
    label: c.label,
    year: c.year,
  }));
}

describe('citation extraction', () => {
  it('reads Security Council citations with their year, with and without the body named', () => {
    assert.deepEqual(cite('recalling Security Council resolution 2331 (2016) on trafficking'), [
      { text: 'Security Council resolution 2331 (2016)', body: 'security-council', number: 2331, session: null, label: '2331', year: 2016 },
    ]);
    assert.deepEqual(cite('Resolution 2231 (2016), which')[0], {
      text: 'Resolution 2231 (2016)',
      body: 'security-council',
      number: 2231,
      session: null,
      label: '2231',
      year: 2016,
    });
    assert.equal(cite('UNSC Resolution 2331 (2016)')[0].body, 'security-council');
  });

  it('reads each item of a list', () => {
    const list = cite('resolutions 1325 (2000), 1820 (2008) and 2467 (2019) on women and peace and security');
    assert.deepEqual(
      list.map((c) => [c.text, c.number, c.year]),
      [
        ['resolutions 1325 (2000)', 1325, 2000],
        ['1820 (2008)', 1820, 2008],
        ['2467 (2019)', 2467, 2019],
      ],
    );
  });

  it('reads symbols and General Assembly forms', () => {
    const found = cite(
      'S/RES/2331 (2016), A/RES/70/1, General Assembly resolution 70/1, resolution 68/247 B, ' +
        'resolution 1514 (XV) and resolution 217 A (III).',
    );
    assert.deepEqual(
      found.map((c) => [c.text, c.body, c.label, c.session]),
      [
        ['S/RES/2331 (2016)', 'security-council', '2331', null],
        ['A/RES/70/1', 'general-assembly', '70/1', 70],
        ['General Assembly resolution 70/1', 'general-assembly', '70/1', 70],
        ['resolution 68/247 B', 'general-assembly', '68/247 B', 68],
        ['resolution 1514 (XV)', 'general-assembly', '1514 (XV)', 15],
        ['resolution 217 A (III)', 'general-assembly', '217 A (III)', 3],
      ],
    );
  });

  it('tells the body of a bare number from the words around it', () => {
    assert.equal(cite('The Security Council must act. Resolution 2331 calls upon States.')[0].body, 'security-council');
    assert.equal(cite('The General Assembly adopted resolution 2758 then.')[0].body, 'general-assembly');
    assert.equal(cite('resolution 2331 of the Security Council')[0].body, 'security-council');
    assert.equal(cite('Resolution 2178 on September 24')[0].body, null);
  });

  it('reads a date stated next to a citation, across a line break', () => {
    const [citation] = extractCitations('Resolution 2231 (2016), which was adopted in\nDecember 2016, calls upon');
    assert.equal(citation.statedDate?.year, 2016);
    assert.equal(citation.statedDate?.text, 'December 2016');
    const [adopted] = extractCitations('resolution 2331, adopted on 20 December 2016, on trafficking');
    assert.equal(adopted.statedDate?.year, 2016);
  });

  it('resolves "adopted last December" only against an exact document date', () => {
    const text = 'Resolution 2331, which was adopted last December, calls upon';
    assert.equal(extractCitations(text, { documentDate: '2017-03-15' })[0].statedDate?.year, 2016);
    assert.equal(extractCitations(text, { documentDate: '2017' })[0].statedDate, null);
    assert.equal(extractCitations(text)[0].statedDate, null);
  });

  it('finds no date in "Resolution 2178 on September 24"', () => {
    assert.equal(extractCitations('the adoption of Resolution 2178 on September 24 by the Council')[0].statedDate, null);
  });

  it('does not take figures or symbols of meetings for citations', () => {
    assert.deepEqual(cite('Japan pledged 23 million dollars (see A/70/PV.17) in 2016.'), []);
  });
});

describe('every form a citation is written in', () => {
  /** [text, body, number, year in parentheses, stated year] of each citation found. */
  const forms = (text: string) =>
    extractCitations(text).map((c) => [text.slice(c.start, c.end), c.body, c.number, c.year, c.statedDate?.year ?? null]);

  it('reads UNSCR and SCR, with and without a year', () => {
    assert.deepEqual(forms('UNSCR 1325 (2000) and SCR 2250 matter.'), [
      ['UNSCR 1325 (2000)', 'security-council', 1325, 2000, null],
      ['SCR 2250', 'security-council', 2250, null, null],
    ]);
    assert.deepEqual(forms('We implement SCR 2250.'), [['SCR 2250', 'security-council', 2250, null, null]]);
    assert.deepEqual(
      forms('UNSCRs 1325 and 1820 frame the agenda.').map((f) => f[2]),
      [1325, 1820],
    );
  });

  it('reads a symbol or a year in parentheses with no space before it, and S/Res/', () => {
    assert.deepEqual(forms('S/RES/2242(2015) was adopted.'), [['S/RES/2242(2015)', 'security-council', 2242, 2015, null]]);
    assert.deepEqual(forms('see S/Res/2242 (2015).'), [['S/Res/2242 (2015)', 'security-council', 2242, 2015, null]]);
    assert.deepEqual(forms('resolution 1325(2000) on women'), [['resolution 1325(2000)', 'security-council', 1325, 2000, null]]);
  });

  it('reads "of 24 September 2014" and "of 2014" as the stated date', () => {
    assert.deepEqual(forms('resolution 2178 of 24 September 2014 on foreign terrorist fighters'), [
      ['resolution 2178', 'security-council', 2178, null, 2014],
    ]);
    assert.deepEqual(forms('resolution 2178 of 2014 on foreign terrorist fighters'), [
      ['resolution 2178', 'security-council', 2178, null, 2014],
    ]);
    assert.equal(extractCitations('resolution 2178 of 24 September 2014')[0].statedDate?.text, '24 September 2014');
  });

  it('reads both ends of a range of resolutions', () => {
    assert.deepEqual(forms('resolutions 1325 (2000) to 2467 (2019) on women and peace and security'), [
      ['resolutions 1325 (2000)', 'security-council', 1325, 2000, null],
      ['2467 (2019)', 'security-council', 2467, 2019, null],
    ]);
    assert.deepEqual(
      forms('resolutions 1325 (2000)–2467 (2019)').map((f) => f[2]),
      [1325, 2467],
    );
  });

  it('reads "the Council\'s resolution" and "its resolution"', () => {
    assert.deepEqual(forms("the Council's resolution 2331 calls for"), [
      ["Council's resolution 2331", 'security-council', 2331, null, null],
    ]);
    const its = extractCitations('The Security Council, in its resolution 2331 (2016), condemned trafficking.');
    assert.deepEqual([its[0].body, its[0].number, its[0].year], ['security-council', 2331, 2016]);
    // The Human Rights Council's resolutions are not the Security Council's.
    assert.deepEqual(
      forms("the Human Rights Council's resolution 16/18").map((f) => f[1]),
      [null],
    );
  });

  it('reads a citation broken across lines', () => {
    assert.deepEqual(forms('Security Council\nresolution 2331\n(2016) condemns'), [
      ['Security Council\nresolution 2331\n(2016)', 'security-council', 2331, 2016, null],
    ]);
    assert.deepEqual(forms('UNSCR\n1325 (2000)'), [['UNSCR\n1325 (2000)', 'security-council', 1325, 2000, null]]);
  });

  it('reads a stated adoption date, with or without a year in parentheses, as a Security Council citation', () => {
    assert.deepEqual(forms('Resolution 2331, which was adopted in December 2015, calls upon States.'), [
      ['Resolution 2331', 'security-council', 2331, null, 2015],
    ]);
    assert.deepEqual(
      forms('The General Assembly met. Resolution 2331, adopted on 20 December 2015, calls upon States.')[0][1],
      'security-council',
    );
    assert.deepEqual(forms('Resolution 2331 (2016), adopted on 20 December 2015, calls upon States.'), [
      ['Resolution 2331 (2016)', 'security-council', 2331, 2016, 2015],
    ]);
  });

  it('does not give one stated date to the last of several resolutions', () => {
    assert.deepEqual(
      forms('resolutions 1325 and 1820, adopted in 2000 and 2008').map((f) => f[4]),
      [null, null],
    );
  });

  it('takes nothing that only looks like a citation', () => {
    for (const text of [
      'the 1325 agenda and the 2030 Agenda',
      'paragraph 12 (2016) of the report',
      'the resolution, at page 14 (2016), says',
      'the resolution 2,500 troops strong',
      'a resolution of $23 million (2016)',
      'resolutions adopted in 2014',
      'DESCR 1325 (2000) and SCRA 12',
      'Resolution 2178 on September 24',
    ]) {
      assert.deepEqual(
        forms(text).filter((f) => f[3] !== null || f[4] !== null),
        [],
        text,
      );
    }
    assert.deepEqual(forms('the 1325 agenda'), []);
    assert.deepEqual(forms('paragraph 12 (2016) of the report'), []);
  });
});

describe('the registry', () => {
  const registry = new ResolutionRegistry();

  it('knows the year of every Security Council resolution up to the last known one', () => {
    assert.equal(registry.securityCouncilYear(1), 1946);
    assert.equal(registry.securityCouncilYear(2231), 2015);
    assert.equal(registry.securityCouncilYear(2331), 2016);
    assert.equal(registry.securityCouncilYear(2336), 2016);
    assert.equal(registry.securityCouncilYear(2337), 2017);
    assert.equal(registry.securityCouncilYear(2767), 2024);
    assert.equal(registry.securityCouncilYear(2768), 2025);
    assert.equal(registry.securityCouncilYear(2802), 2025);
  });

  it('does not know numbers beyond the last known one', () => {
    assert.equal(registry.securityCouncilYear(2803), null);
    assert.equal(registry.securityCouncilYear(0), null);
  });

  it('reads a registry file, and names the rows it cannot use', () => {
    const { entries, problems } = parseRegistryCsv(
      'number,date,title\n2331,2016-12-20,"Maintenance of international peace and security, trafficking"\n' +
        'abc,2016-01-01,x\n2332,20 Dec,x\n',
    );
    assert.deepEqual(entries.get(2331), {
      number: 2331,
      date: '2016-12-20',
      title: 'Maintenance of international peace and security, trafficking',
      titleKind: 'title',
    });
    assert.deepEqual(
      problems.map((p) => p.line),
      [3, 4],
    );
    const withDates = new ResolutionRegistry(entries);
    assert.equal(withDates.entry(2331)?.date, '2016-12-20');
    assert.equal(withDates.securityCouncilYear(2331), 2016);
  });

  it('ships the date and agenda item of every Security Council resolution to 2640, in agreement with the year table', () => {
    assert.equal(RESOLUTION_ROWS.length, 2640);
    const firstOfYear = new Map(FIRST_RESOLUTION_OF_YEAR.map(([year, first]) => [first, year]));
    let year = 0;
    RESOLUTION_ROWS.forEach(([date], i) => {
      year = firstOfYear.get(i + 1) ?? year;
      assert.equal(Number(date.slice(0, 4)), year, `resolution ${i + 1} is dated ${date}, but the year table puts it in ${year}`);
    });
    assert.deepEqual(registry.entry(1325), {
      number: 1325,
      date: '2000-10-31',
      title: 'Women and peace and security',
      titleKind: 'agenda-item',
    });
    assert.equal(registry.entry(2641), null);
    assert.equal(registry.securityCouncilYear(2641), 2022);
  });

  it("a user's registry file wins over the shipped table", () => {
    const own = new ResolutionRegistry(parseRegistryCsv('2331,2016-12-21,Trafficking in persons in armed conflict').entries);
    assert.equal(own.entry(2331)?.date, '2016-12-21');
    assert.equal(own.entry(2331)?.titleKind, 'title');
    assert.equal(own.entry(2330)?.titleKind, 'agenda-item');
  });

  it('knows the session and years of a General Assembly resolution of the old numbering, and its gaps', () => {
    const sessions = (n: number) => registry.generalAssemblySessions(n).map((s) => `${s.session}:${s.years.join('-')}`);
    assert.deepEqual(sessions(435), ['5:1950-1951']);
    assert.deepEqual(sessions(2758), ['26:1971']);
    assert.deepEqual(sessions(1514), ['15:1960-1961']);
    assert.deepEqual(sessions(1474), ['ES-4:1960']);
    // 1350–1352 lie between sessions 13 (1958–1959) and 14 (1959).
    assert.deepEqual(sessions(1352), ['13:1958-1959', '14:1959']);
    assert.deepEqual(sessions(3541), ['30:1975']);
    assert.deepEqual(sessions(3542), []);
    assert.deepEqual(sessions(0), []);
  });
});

describe('dates in UN style', () => {
  it('writes full and partial ISO dates as the UN does', () => {
    assert.equal(formatUnDate('2000-10-31'), '31 October 2000');
    assert.equal(formatUnDate('2016-12-01'), '1 December 2016');
    assert.equal(formatUnDate('2016-12'), 'December 2016');
    assert.equal(formatUnDate('2016'), '2016');
  });
});
