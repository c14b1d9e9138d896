package io.distman.directory.entity;

/** How a contact is related to the property the agency manages. */
public enum ContactRole {
    LEASEHOLDER, TENANT, OWNER
}
