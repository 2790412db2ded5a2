import { strict as assert } from 'assert';
import { type Citation, extractCitations } from '../../src/core/citations/extract';
import { parseRegistryCsv, ResolutionRegistry } from '../../src/core/citations/registry';

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
      'S/RES/2331 (2016), A/RES/70/1, General Assembly resolution 70/1, resolution 68/247 B, resolution 1514 (XV) and resolution 217 A (III).',
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
      'number,date,title\n2331,2016-12-20,"Maintenance of international peace and security, trafficking"\nabc,2016-01-01,x\n2332,20 Dec,x\n',
    );
    assert.deepEqual(entries.get(2331), {
      number: 2331,
      date: '2016-12-20',
      title: 'Maintenance of international peace and security, trafficking',
    });
    assert.deepEqual(
      problems.map((p) => p.line),
      [3, 4],
    );
    const withDates = new ResolutionRegistry(entries);
    assert.equal(withDates.entry(2331)?.date, '2016-12-20');
    assert.equal(withDates.securityCouncilYear(2331), 2016);
  });
});
