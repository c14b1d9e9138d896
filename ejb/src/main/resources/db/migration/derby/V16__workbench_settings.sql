-- The workbench widget is switched on per account by one of its admins (issue 3); who did it and when
-- is kept with the switch, so an account can see why its workbench changed. No row means off.
CREATE TABLE workbench_settings (
    account_id      BIGINT        PRIMARY KEY REFERENCES account(id),
    failure_widget  BOOLEAN       NOT NULL,
    changed_by      VARCHAR(100)  NOT NULL,
    changed_at      TIMESTAMP     NOT NULL
);
-- The widget's counts need no index of their own: V11's delivery_account_status_created
-- (account_id, status, created_at) answers them.
