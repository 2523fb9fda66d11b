import { describe, expect, it } from 'vitest';
import { courtyardRows, databaseBefore, schemaNames, seedCourtyard } from './earlier-migrations';

describe('migration 0005_console_speakers', () => {
  it('keeps the meetings and matters, and adds the chair’s console and the speakers’ queue on them', () => {
    const database = databaseBefore('0005_console_speakers');
    const { meetingId, agenda, people } = seedCourtyard(database.sqlite);
    const before = courtyardRows(database);

    database.migrate();
    const { sqlite } = database;
    expect(courtyardRows(database)).toEqual(before);
    expect(schemaNames(sqlite, 'table')).toEqual(expect.arrayContaining(['meeting_consoles', 'speakers']));

    sqlite.prepare('INSERT INTO meeting_consoles (meeting_id, current_agenda_item_id) VALUES (?, ?)').run(meetingId, agenda.楼道堆物);
    expect(database.rows('meeting_consoles')).toEqual([{ meeting_id: meetingId, current_agenda_item_id: agenda.楼道堆物, screen: 'meeting', speaking_limit_seconds: 180 }]);
    const speaker = sqlite.prepare('INSERT INTO speakers (agenda_item_id, person_id, position) VALUES (?, ?, ?)');
    speaker.run(agenda.楼道堆物, people.王建国, 0);
    speaker.run(agenda.楼道堆物, people.李秀英, 1);
    speaker.run(agenda.充电桩, people.何兆品, 0);
    expect(database.rows('speakers').map((row) => [row.person_id, row.status, row.view, row.note])).toEqual([
      [people.王建国, 'waiting', null, ''],
      [people.李秀英, 'waiting', null, ''],
      [people.何兆品, 'waiting', null, ''],
    ]);
    // A matter taken off the agenda takes its queue with it and leaves the console on no matter.
    sqlite.prepare('DELETE FROM agenda_items WHERE id = ?').run(agenda.楼道堆物);
    expect(database.rows('speakers').map((row) => row.person_id)).toEqual([people.何兆品]);
    expect(database.rows('meeting_consoles')[0]).toMatchObject({ current_agenda_item_id: null });
    // A person in a queue stays on the roster.
    expect(() => sqlite.prepare('DELETE FROM people WHERE id = ?').run(people.何兆品)).toThrow(/FOREIGN KEY constraint failed/);
  });
});
