import { Button, Space } from 'antd';
import { useEffect, useRef } from 'react';

/**
 * A small rich-text editor for document bodies (paragraphs, headings, bold, lists, links, pasted tables).
 * The browser edits HTML; the server sanitises it to its allowlist on save, so nothing pasted can run.
 */
export function RichTextEditor({ value, onChange, disabled, label }: { value?: string; onChange?: (html: string) => void; disabled?: boolean; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current && value !== undefined && ref.current.innerHTML !== value) ref.current.innerHTML = value;
  }, [value]);
  const emit = () => onChange?.(ref.current?.innerHTML ?? '');
  const exec = (command: string, arg?: string) => {
    ref.current?.focus();
    document.execCommand(command, false, arg);
    emit();
  };
  const link = () => {
    const href = window.prompt('链接地址（站内以 / 开头，站外以 https:// 开头）');
    if (href) exec('createLink', href);
  };
  return (
    <div style={{ border: '1px solid #bfbfbf', borderRadius: 6 }}>
      {!disabled && (
        <Space wrap size={4} style={{ padding: 6, borderBottom: '1px solid #e5e5e5' }} role="toolbar" aria-label="正文格式">
          <Button size="small" onClick={() => exec('formatBlock', 'P')}>正文</Button>
          <Button size="small" onClick={() => exec('formatBlock', 'H2')}>标题</Button>
          <Button size="small" onClick={() => exec('formatBlock', 'H3')}>小标题</Button>
          <Button size="small" onClick={() => exec('bold')}>加粗</Button>
          <Button size="small" onClick={() => exec('insertOrderedList')}>编号列表</Button>
          <Button size="small" onClick={() => exec('insertUnorderedList')}>项目列表</Button>
          <Button size="small" onClick={link}>链接</Button>
          <Button size="small" onClick={() => exec('removeFormat')}>清除格式</Button>
        </Space>
      )}
      <div
        ref={ref}
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        contentEditable={!disabled}
        suppressContentEditableWarning
        onInput={emit}
        onBlur={emit}
        style={{ minHeight: 280, padding: '8px 12px', lineHeight: 1.8, outline: 'none', background: disabled ? '#f5f5f5' : '#fff' }}
      />
    </div>
  );
}
