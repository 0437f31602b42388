/** A column of a table: its heading, or a heading only assistive technology reads (a column of buttons). */
export type Column =
  | string
  | { readonly hidden: string }
  | { readonly text: string; readonly title?: string; readonly className?: string };

/** The heading row of a table, one `th` per column. */
export function TableHead({ className, columns }: { className: string; columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => {
          if (typeof c === 'string')
            return (
              <th key={c} scope="col" className={className}>
                {c}
              </th>
            );
          if ('hidden' in c)
            return (
              <th key={c.hidden} scope="col" className={className}>
                <span className="visually-hidden">{c.hidden}</span>
              </th>
            );
          return (
            <th
              key={c.text}
              scope="col"
              className={c.className ? `${className} ${c.className}` : className}
              title={c.title}
            >
              {c.text}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
