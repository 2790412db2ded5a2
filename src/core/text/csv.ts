/** RFC 4180 rows: quoted fields may hold commas, line breaks and doubled quotes; blank lines are no rows. */
export interface CsvRow {
  fields: string[];
  /** 1-based line the row starts on. */
  line: number;
}

export function csvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) rows.push({ fields, line: rowLine });
    fields = [];
    field = '';
  };
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\n' || (char === '\r' && body[i + 1] !== '\n')) line++;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') {
        i++;
        line++;
      }
      endRow();
      rowLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}
