import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '../../../shared/api/areas/followup';
import type { Person } from '../../../shared/api/areas/roster';
import { Field } from '../../components/field';
import { PersonPicker } from '../../components/person-picker';

export interface TaskDraft {
  title: string;
  ownerPersonId: number | null;
  ownerName: string;
  deadline: string | null;
}

/** A task's content, owner (a person from the roster, or a unit written out) and deadline. */
export function TaskForm({
  people,
  task,
  onSubmit,
  onCancel,
}: {
  people: Person[];
  task?: TaskView;
  onSubmit: (draft: TaskDraft) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(task?.title ?? '');
  const [person, setPerson] = useState<{ id: number; name: string } | null>(
    task?.ownerPersonId ? { id: task.ownerPersonId, name: task.ownerName } : null,
  );
  const [ownerName, setOwnerName] = useState(task && !task.ownerPersonId ? task.ownerName : '');
  const [deadline, setDeadline] = useState(task?.deadline ?? '');
  const [busy, setBusy] = useState(false);

  return (
    <form
      className="form panel"
      aria-label={task ? t('followup.tasks.edit') : t('followup.tasks.add')}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void onSubmit({
          title,
          ownerPersonId: person?.id ?? null,
          ownerName: person ? person.name : ownerName,
          deadline: deadline || null,
        }).finally(() => setBusy(false));
      }}
    >
      <Field label={t('followup.tasks.taskTitle')}>
        <input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={120} />
      </Field>
      <div className="field">
        <span className="field-label">{t('followup.tasks.owner')}</span>
        {person ? (
          <div className="owner-choice">
            <span className="owner-chosen">{person.name}</span>
            <button type="button" className="button-quiet" onClick={() => setPerson(null)}>
              {t('followup.tasks.changeOwner')}
            </button>
          </div>
        ) : (
          <div className="owner-choice">
            <PersonPicker people={people} label={t('followup.tasks.ownerPerson')} onPick={(picked) => setPerson({ id: picked.id, name: picked.name })} />
            <input
              aria-label={t('followup.tasks.ownerText')}
              placeholder={t('followup.tasks.ownerPlaceholder')}
              value={ownerName}
              maxLength={40}
              onChange={(event) => setOwnerName(event.target.value)}
            />
          </div>
        )}
        <span className="field-hint">{t('followup.tasks.ownerHint')}</span>
      </div>
      <Field label={t('followup.tasks.deadline')} hint={t('followup.tasks.deadlineHint')}>
        <input type="date" value={deadline} onChange={(event) => setDeadline(event.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button-primary" disabled={busy}>
          {task ? t('common.save') : t('followup.tasks.add')}
        </button>
      </div>
    </form>
  );
}
