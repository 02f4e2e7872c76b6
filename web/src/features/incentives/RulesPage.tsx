/**
 * Points rules (积分规则): the rules in force (or the draft being edited) as a readable table, the rule set's limits
 * in words, and the configuration JSON editor with local syntax checks and the server's field-level refusals.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Card } from '../../components/ui/Card.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { useWorkspace } from '../../hooks/useWorkspace.ts';
import { formatDefinition, parseDefinitionText, type DefinitionParse } from '../segments/definitionText.ts';
import { messageWithoutField } from '../segments/FormError.tsx';
import { ConfigEditorCard } from './ConfigEditorCard.tsx';
import type { ConfigVersionBody, ReplayReportBody } from './hooks/types.ts';
import { useConfigQuery } from './hooks/useConfigQuery.ts';
import { useReplayMutation, useSaveConfigMutation } from './hooks/useIncentiveMutations.ts';
import './incentives.css';
import { fieldTarget, readRuleSet } from './model/configView.ts';
import { configPath, locateJsonPath } from './model/jsonPath.ts';
import { NoConfigYet } from './NoConfigYet.tsx';
import { ReplayButton } from './ReplayButton.tsx';
import { ReplayReport } from './ReplayReport.tsx';
import { RuleLimitsCard } from './RuleLimitsCard.tsx';
import { RulesTable } from './RulesTable.tsx';

type Failed = Exclude<DefinitionParse, { ok: true }>;

function RulesWorkspace({ config, timeZone, onSaved }: { config: ConfigVersionBody; timeZone: string; onSaved: (version: number) => void }) {
  const { t } = useTranslation();
  const savedText = useMemo(() => formatDefinition(config.config), [config]);
  const [text, setText] = useState(savedText);
  const [note, setNote] = useState('');
  const [jsonProblem, setJsonProblem] = useState<Failed | null>(null);
  const [serverError, setServerError] = useState<Error | null>(null);
  const save = useSaveConfigMutation();

  const parsed = parseDefinitionText(text);
  const draft = parsed.ok ? parsed.definition : null;
  const dirty = text !== savedText;
  const set = readRuleSet((draft ?? config.config)['points']);

  const api = serverError instanceof ApiError && serverError.code === 'invalid_request' ? serverError : null;
  const field = api?.field ?? '';
  const path = field === 'config' || field.startsWith('config.') ? configPath(field) : null;
  const target = path ? fieldTarget(path) : null;
  const span = path ? locateJsonPath(text, path) : null;
  const problem = api ? messageWithoutField(api.message, field) : null;

  const onSave = () => {
    setServerError(null);
    const p = parseDefinitionText(text);
    setJsonProblem(p.ok ? null : p);
    if (!p.ok) return;
    save.mutate({ config: p.definition, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: (v) => onSaved(v.version), onError: setServerError });
  };

  return (
    <>
      <Card
        testId="inc-rules"
        title={t('incentives.rules.title')}
        help={t('incentives.rules.help')}
        actions={
          dirty && draft ? (
            <span className="badge badge--warn" data-testid="inc-rules-draft">
              {t('incentives.rules.showingDraft')}
            </span>
          ) : (
            <span className="badge badge--ok">{t('incentives.rules.showingSaved', { version: config.version })}</span>
          )
        }
      >
        <RulesTable set={set} target={target} problem={problem} />
      </Card>
      <RuleLimitsCard set={set} timeZone={timeZone} problem={target?.kind === 'limits' ? problem : null} />
      <ConfigEditorCard
        text={text}
        onText={(v) => {
          setText(v);
          setJsonProblem(null);
        }}
        note={note}
        onNote={setNote}
        parsed={parsed}
        jsonProblem={jsonProblem}
        serverError={serverError}
        span={span}
        dirty={dirty}
        saving={save.isPending}
        onSave={onSave}
        onReset={() => {
          setText(savedText);
          setJsonProblem(null);
          setServerError(null);
        }}
      />
    </>
  );
}

export function RulesPage() {
  const { t } = useTranslation();
  const { timeZone } = useWorkspace();
  const config = useConfigQuery();
  const replay = useReplayMutation();
  const [saved, setSaved] = useState<number | null>(null);
  const [report, setReport] = useState<ReplayReportBody | null>(null);
  const cfg = config.data;
  return (
    <div className="page" data-testid="incentive-rules-page">
      <PageHeader title={t('incentives.rules.pageTitle')} subtitle={t('incentives.rules.pageSubtitle')} />
      {saved !== null && (
        <div className="notice notice--ok inc-saved" role="status" data-testid="inc-saved-notice" data-version={saved}>
          <span>{t('incentives.editor.saved', { version: saved })}</span>
          <ReplayButton replay={replay} onDone={setReport} />
        </div>
      )}
      {replay.isError && <ErrorState error={replay.error} />}
      {report && <ReplayReport title={t('incentives.replay.done', { version: report.version })} report={report} />}
      {config.isError && cfg === undefined ? (
        <ErrorState error={config.error} onRetry={() => void config.refetch()} />
      ) : cfg === undefined ? (
        <LoadingState rows={8} />
      ) : cfg === null ? (
        <NoConfigYet />
      ) : (
        <RulesWorkspace
          key={cfg.version}
          config={cfg}
          timeZone={timeZone}
          onSaved={(v) => {
            setSaved(v);
            setReport(null);
          }}
        />
      )}
    </div>
  );
}
