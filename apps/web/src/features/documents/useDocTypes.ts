import { useTranslation } from 'react-i18next';
import { useDocumentTypes } from '../incoming/queries';
import { docTypeLabel } from './docTypes';

/** Select options grouped as administrative / legal, labelled in the UI language. */
export function useDocTypeOptions() {
  const { t, i18n } = useTranslation();
  const types = useDocumentTypes();
  const items = (legal: boolean) =>
    (types.data ?? [])
      .filter((type) => type.legal === legal)
      .map((type) => ({
        value: type.code,
        label: docTypeLabel(type.code, type.name, i18n.language),
      }));
  return {
    types,
    options: [
      { group: t('incoming.fields.docTypeAdministrative'), items: items(false) },
      { group: t('incoming.fields.docTypeLegal'), items: items(true) },
    ],
  };
}

/** The label of a type code, in the UI language (the code itself until the list has loaded). */
export function useDocTypeName() {
  const { i18n } = useTranslation();
  const types = useDocumentTypes();
  return (code: string, vietnameseName?: string) => {
    const name = vietnameseName ?? types.data?.find((type) => type.code === code)?.name;
    return name ? docTypeLabel(code, name, i18n.language) : code;
  };
}
