import { Button, FileButton, Group, Image, Input, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logoRaster, PAPER_DOTS, type PaperWidth } from '../../../../shared/contract';
import { fileToPbm, LogoError, pbmPreviewUrl } from './logo-raster';

/**
 * The receipt logo of a printer: a preview of the dots as they print, "Choose logo…" (PNG or
 * JPEG, scaled down to the paper and made black and white in the browser) and "Remove logo".
 * The value is the PBM the core stores; `error` is the field's message.
 */
export function LogoField({
  value,
  paperWidth,
  error,
  onChange,
}: {
  value: string | null;
  paperWidth: PaperWidth;
  error?: React.ReactNode;
  onChange: (pbm: string | null) => void;
}) {
  const { t } = useTranslation('printers');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const raster = value ? logoRaster(value) : null;
  const preview = useMemo(() => (value ? pbmPreviewUrl(value) : null), [value]);

  const pick = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      onChange(await fileToPbm(file, PAPER_DOTS[paperWidth]));
      setProblem(null);
    } catch (e) {
      setProblem(t(e instanceof LogoError ? e.key : 'logo.unreadable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Input.Wrapper
      label={t('logo.label')}
      description={t('logo.help', { dots: PAPER_DOTS[paperWidth] })}
      error={problem ?? error}
    >
      <Stack gap="xs" mt={4}>
        {raster && (
          <Group gap="sm" align="center">
            {preview && (
              <Image
                src={preview}
                alt={t('logo.preview')}
                w={Math.min(raster.width, 288)}
                fit="contain"
                bd="1px solid var(--mantine-color-default-border)"
              />
            )}
            <Text size="sm" c="dimmed">
              {t('logo.size', { width: raster.width, height: raster.height })}
            </Text>
          </Group>
        )}
        <Group gap="sm">
          <FileButton accept="image/png,image/jpeg" onChange={(f) => void pick(f)}>
            {(props) => (
              <Button variant="default" loading={busy} {...props}>
                {t(raster ? 'logo.replace' : 'logo.choose')}
              </Button>
            )}
          </FileButton>
          {value && (
            <Button variant="subtle" color="red" onClick={() => onChange(null)}>
              {t('logo.remove')}
            </Button>
          )}
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
