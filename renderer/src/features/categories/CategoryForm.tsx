import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../../shared/contract';
import { categoryNameSchema } from '../../../../shared/contract/categories';
import { AppError } from '../../../../shared/errors';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { t as translate } from '../../i18n';
import { useCategoriesStore } from '../../stores/categories';
import { parentOptions } from './category-options';

interface Values {
  name: string;
  /** The parent's id as text; '' for the top level. */
  parentId: string;
}
const FIELDS = ['name', 'parentId'] as const;

/** What is wrong with a typed name (1..60 characters, no ">"), or null. */
function nameProblem(name: string): string | null {
  const parsed = categoryNameSchema.safeParse(name);
  if (parsed.success) return null;
  if (name.trim() === '') return translate('categories:form.errors.required');
  return parsed.error.issues[0]?.code === 'too_big'
    ? translate('categories:form.errors.tooLong', { count: 60 })
    : translate('categories:form.errors.characters');
}

/**
 * Puts the core's refusal into this form's words: a sibling's name under the name field, and a
 * parent that is gone, too deep or inside the category under the parent field.
 */
function categoryFormError(error: unknown): unknown {
  if (!(error instanceof AppError) || !error.issues?.length || error.code === 'VALIDATION_FAILED')
    return error;
  const message =
    error.code === 'CONFLICT' ? translate('categories:form.errors.nameTaken') : messageFor(error);
  return new AppError(
    error.code,
    error.message,
    error.issues.map((i) => ({ path: i.path, message })),
  );
}

/** Add a category, or rename and move `target`; `done` returns to the tree. */
export function CategoryForm({ target, done }: { target: CategoryView | null; done: () => void }) {
  const { t } = useTranslation('categories');
  const items = useCategoriesStore((s) => s.items);
  const create = useCategoriesStore((s) => s.create);
  const update = useCategoriesStore((s) => s.update);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: target?.name ?? '',
      parentId: target?.parentId ? String(target.parentId) : '',
    },
    validate: { name: nameProblem },
  });
  const { busy, formError, submit } = useServerSubmit(form, FIELDS, async (v: Values) => {
    const input = { name: v.name.trim(), parentId: v.parentId ? Number(v.parentId) : null };
    let saved: CategoryView;
    try {
      saved = target ? await update({ id: target.id, ...input }) : await create(input);
    } catch (error) {
      throw categoryFormError(error);
    }
    notifySuccess(t(target ? 'form.saved' : 'form.added', { name: saved.name }));
    done();
  });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate className="k-product-form">
      <Stack gap="md">
        <FormAlert message={formError} />
        <TextInput
          label={t('form.name')}
          description={t('form.nameHelp')}
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Select
          label={t('form.parent')}
          description={t('form.parentHelp')}
          searchable
          allowDeselect={false}
          data={[{ value: '', label: t('form.top') }, ...parentOptions(items, target)]}
          {...form.getInputProps('parentId')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={done}>
            {t('form.back')}
          </Button>
          <Button type="submit" loading={busy}>
            {target ? t('form.save') : t('form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
