/**
 * Segments (分群): the saved segments with their conditions in words, a form to create or edit one (JSON definition
 * with examples and a live preview), and per segment a preview count, CSV export, edit and delete.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentBody } from '../../../../src/api/schemas/index.ts';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { SegmentForm } from './SegmentForm.tsx';
import { SegmentListCard } from './SegmentListCard.tsx';

type FormState = { mode: 'create'; id: number } | { mode: 'update'; id: number; segment: SegmentBody } | null;

export function SegmentsPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = (next: NonNullable<FormState>) => {
    setForm(next);
    setNotice(null);
    window.scrollTo({ top: 0 });
  };
  return (
    <div className="page" data-testid="segments-page">
      <PageHeader
        title={t('segments.title')}
        subtitle={t('segments.subtitle')}
        actions={
          <button type="button" className="button button--primary" onClick={() => open({ mode: 'create', id: Date.now() })} data-testid="segment-new">
            {t('segments.newSegment')}
          </button>
        }
      />
      {notice && (
        <div className="notice notice--ok" role="status" data-testid="segment-notice">
          {notice}
        </div>
      )}
      {form && (
        <SegmentForm
          key={form.id}
          mode={form.mode}
          initial={form.mode === 'update' ? form.segment : undefined}
          onSaved={(s) => {
            setForm(null);
            setNotice(t('segments.saved', { name: s.name }));
          }}
          onCancel={() => setForm(null)}
        />
      )}
      <SegmentListCard
        onEdit={(segment) => open({ mode: 'update', id: Date.now(), segment })}
        onDeleted={(s) => {
          if (form?.mode === 'update' && form.segment.key === s.key) setForm(null);
          setNotice(t('segments.deleted', { name: s.name }));
        }}
      />
    </div>
  );
}
