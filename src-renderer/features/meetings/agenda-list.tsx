import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Meeting } from '../../../shared/api/areas/meetings';
import { processTemplates, type ProcessTemplateId } from '../../../shared/domain/process/templates';
import { useQuery } from '../../api/query';
import type { ApiResult } from '../../../shared/api/errors';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { ConfirmDialog, ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';

interface AgendaListProps {
  meeting: Meeting;
  processTemplate: ProcessTemplateId;
}

function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * The agenda, reorderable by dragging or, for those who do not drag, with the
 * buttons or Alt+↑ / Alt+↓ on a focused matter.
 */
export function AgendaList({ meeting, processTemplate }: AgendaListProps) {
  const { t } = useTranslation();
  // The council's own step names where it renamed them (settings), else its template's.
  const settings = useQuery('process:settings', { councilId: meeting.councilId });
  const steps = settings.data?.effectiveSteps ?? processTemplates[processTemplate].steps;
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [editing, setEditing] = useState<AgendaItem | null>(null);
  const [removing, setRemoving] = useState<AgendaItem | null>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const action = useAction(['meeting:get']);
  const [announcement, setAnnouncement] = useState('');

  const run = async (work: Promise<ApiResult<unknown>>) => (await action.run(work)).ok;

  const move = async (from: number, to: number) => {
    if (to < 0 || to >= meeting.agenda.length || from === to) return;
    const order = moved(meeting.agenda, from, to);
    const ok = await run(call('agenda:reorder', { meetingId: meeting.id, orderedIds: order.map((item) => item.id) }));
    if (ok) {
      setAnnouncement(t('agenda.movedTo', { title: order[to]!.title, position: to + 1 }));
      // Keep the keyboard on the matter that moved.
      requestAnimationFrame(() => document.getElementById(`agenda-item-${order[to]!.id}`)?.focus());
    }
  };

  const onKey = (event: KeyboardEvent, index: number) => {
    if (!event.altKey) return;
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      void move(index, index - 1);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      void move(index, index + 1);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = editing
      ? await run(call('agenda:update', { agendaItemId: editing.id, title, text }))
      : await run(call('agenda:add', { meetingId: meeting.id, title, text }));
    if (ok) {
      setEditing(null);
      setTitle('');
      setText('');
    }
  };

  return (
    <div>
      <p className="muted">{t('agenda.reorderHelp')}</p>
      <ol className="agenda" aria-label={t('agenda.title')}>
        {meeting.agenda.map((item, index) => (
          <li
            key={item.id}
            id={`agenda-item-${item.id}`}
            className={dragFrom === index ? 'agenda-item dragging' : 'agenda-item'}
            tabIndex={0}
            draggable
            aria-label={`${index + 1}. ${item.title}`}
            onDragStart={(event) => {
              setDragFrom(index);
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', String(item.id));
            }}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              event.preventDefault();
              if (dragFrom !== null) void move(dragFrom, index);
              setDragFrom(null);
            }}
            onDragEnd={() => setDragFrom(null)}
            onKeyDown={(event) => onKey(event, index)}
          >
            <span className="agenda-handle" aria-hidden="true">
              ⋮⋮
            </span>
            <span className="agenda-number">{index + 1}</span>
            <div className="agenda-main">
              <div className="agenda-title">{item.title}</div>
              {item.text && <div className="agenda-text">{item.text}</div>}
              <div className="agenda-step">
                {t('agenda.step', { number: item.stepIndex + 1, name: steps[item.stepIndex] ?? '' })}
              </div>
            </div>
            <div className="agenda-actions">
              <button type="button" onClick={() => void move(index, index - 1)} disabled={index === 0} aria-label={t('agenda.moveUp', { title: item.title })}>
                ↑
              </button>
              <button
                type="button"
                onClick={() => void move(index, index + 1)}
                disabled={index === meeting.agenda.length - 1}
                aria-label={t('agenda.moveDown', { title: item.title })}
              >
                ↓
              </button>
              <button
                type="button"
                onClick={() => {
                  setEditing(item);
                  setTitle(item.title);
                  setText(item.text);
                }}
              >
                {t('common.edit')}
              </button>
              <button type="button" className="button-quiet" onClick={() => setRemoving(item)}>
                {t('common.delete')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {meeting.agenda.length === 0 && <p className="empty">{t('agenda.none')}</p>}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {action.error && <ErrorNote message={action.error} />}
      <form className="form agenda-form" onSubmit={submit}>
        <h3>{editing ? t('agenda.editTitle') : t('agenda.add')}</h3>
        <Field label={t('agenda.itemTitle')}>
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={80} />
        </Field>
        <Field label={t('agenda.itemText')}>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={4000} />
        </Field>
        <div className="form-actions">
          {editing && (
            <button
              type="button"
              onClick={() => {
                setEditing(null);
                setTitle('');
                setText('');
              }}
            >
              {t('common.cancel')}
            </button>
          )}
          <button type="submit" className="button-primary">
            {editing ? t('common.save') : t('agenda.add')}
          </button>
        </div>
      </form>
      {removing && (
        <ConfirmDialog
          title={t('agenda.removeTitle')}
          message={t('agenda.removeMessage', { title: removing.title })}
          confirmLabel={t('common.delete')}
          onConfirm={async () => {
            if (await run(call('agenda:remove', { agendaItemId: removing.id }))) setRemoving(null);
          }}
          onCancel={() => setRemoving(null)}
          error={action.error}
        />
      )}
    </div>
  );
}
