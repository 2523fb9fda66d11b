/** A table of plain text: a header row and body rows, as the notices and the minutes' facts show them. */
export function TextTable({ className, columns, rows }: { className: string; columns: readonly string[]; rows: ReadonlyArray<readonly string[]> }) {
  return (
    <table className={className}>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index}>{column}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((cell, cellIndex) => (
              <td key={cellIndex}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
