/** Chinese names of audited actions, for screens and exports. */
export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.password_changed': '修改密码',
  'user.password_reset': '重置密码',
  'user.unlock': '解除锁定',
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'unit.delete': '删除单位',
};
