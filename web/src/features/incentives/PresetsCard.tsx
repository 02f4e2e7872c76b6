/**
 * The presets the server ships, each with what it does and an "Install" button that asks first: installing saves
 * a new configuration version and recomputes points, badges and levels from every event.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import type { CatalogueBody } from './hooks/types.ts';
import type { InstalledPreset, useInstallPresetMutation } from './hooks/useIncentiveMutations.ts';
import { useIncentiveWords } from './useIncentiveWords.ts';

type Install = ReturnType<typeof useInstallPresetMutation>;

type OnInstalled = (name: string, result: InstalledPreset) => void;

function InstallButton({ id, name, install, onInstalled }: { id: string; name: string; install: Install; onInstalled: OnInstalled }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const busy = install.isPending && install.variables === id;
  if (!confirming) {
    return (
      <button type="button" className="button button--small" disabled={install.isPending} onClick={() => setConfirming(true)} data-testid="inc-preset-install">
        {t('incentives.presets.install')}
      </button>
    );
  }
  return (
    <div className="confirm inc-confirm" role="alertdialog" aria-label={t('incentives.presets.install')} data-testid="inc-preset-confirm">
      <span>{t('incentives.presets.confirm', { name })}</span>
      <span className="confirm__buttons">
        <button
          type="button"
          className="button button--primary button--small"
          disabled={install.isPending}
          onClick={() => install.mutate(id, { onSuccess: (r) => onInstalled(name, r), onSettled: () => setConfirming(false) })}
          data-testid="inc-preset-install-yes"
        >
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? t('incentives.presets.installing') : t('incentives.presets.installYes')}
        </button>
        <button type="button" className="button button--small" disabled={install.isPending} onClick={() => setConfirming(false)}>
          {t('incentives.cancel')}
        </button>
      </span>
    </div>
  );
}

export function PresetsCard(props: { catalogue: CatalogueBody; current: string | null; install: Install; onInstalled: OnInstalled }) {
  const { catalogue, current, install, onInstalled } = props;
  const { t } = useTranslation();
  const words = useIncentiveWords();
  return (
    <Card testId="inc-presets" title={t('incentives.presets.title')} help={t('incentives.presets.help')}>
      <ul className="inc-presets">
        {catalogue.presets.map((p) => {
          const name = words.name(p.name, p.id);
          return (
            <li key={p.id} className="inc-preset" data-testid="inc-preset" data-preset={p.id}>
              <div className="inc-preset__head">
                <strong>{name}</strong>
                <code className="muted small">{p.id}</code>
                {current === p.id && <span className="badge badge--ok">{t('incentives.presets.inUse')}</span>}
              </div>
              <p className="muted inc-preset__text">{words.name(p.description, '')}</p>
              <InstallButton id={p.id} name={name} install={install} onInstalled={onInstalled} />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
