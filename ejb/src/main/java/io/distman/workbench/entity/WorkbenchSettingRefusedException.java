package io.distman.workbench.entity;

import jakarta.ejb.ApplicationException;

/**
 * A workbench setting asked for by someone who may not change it (not an admin, or an admin of another
 * account); nothing was changed.
 */
@ApplicationException(rollback = true)
public class WorkbenchSettingRefusedException extends RuntimeException {

    public WorkbenchSettingRefusedException(String message) {
        super(message);
    }
}
