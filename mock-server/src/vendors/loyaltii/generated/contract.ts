// Generated from contracts/loyaltii/openapi.yaml by `npm run contracts:types`. Do not edit.

export interface paths {
    "/api/v1/Contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Id of contact. Web API's `{id:int}` constraint - anything else matches no route (404).
                 * @example 1
                 */
                id: components["parameters"]["contactId"];
            };
            cookie?: never;
        };
        /** Get a contact by id (suggested; not on the stored help pages) */
        get: operations["getContact"];
        /**
         * Update a contact (every field; Version must be the one last read)
         * @description Will update contact identified by id with specified information. If contact has been
         *     modified (concurrent update) since it has been retrieved then HTTP 409 will be returned
         *     with latest contact information. If another contact with same Email or Phone is found
         *     then HTTP 409 will be returned with latest contact information for specified contact.
         *     If no Store with PreferredStoreId exists then HTTP 409 will be returned.
         */
        put: operations["updateContact"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Partially update a contact (the seed)
         * @description Will patch contact object with given values. Only updates contact properties that are not
         *     null in patchContactDto. All other properties are left unchanged. NOTE: The following
         *     properties will be set to null if the patch value is "" (empty string): PhoneCountryCode,
         *     Phone and Email. `Version` is required and must equal the contact's current Version,
         *     otherwise 409 with the current contact.
         */
        patch: operations["patchContact"];
        trace?: never;
    };
    "/api/v1/Contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a contact by its secret
         * @description Will return contact by its secret or HTTP 404 if contact is not found. Without `secret`
         *     Web API selects no GET action here and answers 405 (Allow: PATCH, POST).
         */
        get: operations["getContactBySecret"];
        put?: never;
        /**
         * Create a contact
         * @description 409 (empty body, suggested) when another contact of the account has the Email or Phone,
         *     or no store has the PreferredStoreId.
         */
        post: operations["createContact"];
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Patch the given Fields on the contacts with the given Keys
         * @description Will PATCH the given {Fields} on contacts by the given {Keys}. Atomic (suggested): a value
         *     that would break uniqueness, or an unknown PreferredStoreId, answers 409 and changes nothing.
         */
        patch: operations["patchContacts"];
        trace?: never;
    };
    "/api/v1/Contacts/Registration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Registered contacts by timespan, source or ip (can combine)
         * @description Will return array of registered contacts by Registration timespan, RegistrationSource or RegistrationIp (can combine). Will return empty array if nothing is found.
         */
        get: operations["getRegistrations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description A byte[] as Json.NET reads it: a base64 string, or an array of byte values.
         *     "Collection of byte" on the help page.
         */
        Base64Bytes: string | number[];
        /**
         * @description A byte[] as Json.NET writes it (base64). The sandbox emits 8-byte SQL Server rowversions, e.g. AAAAAAAAB9E=.
         * @example AAAAAAAAB9E=
         */
        RowVersion: string;
        /**
         * @description DateTimeOffset in round-trip format, 7 fractional digits and an offset.
         * @example 2024-11-21T06:45:32.6938828+00:00
         */
        DateTimeOffset: string;
        /** @description An ISO 8601 date, optionally with time, fraction (up to 7 digits) and offset; without an offset the server's own applies. */
        DateTimeInput: string;
        NullableDateTimeInput: components["schemas"]["DateTimeInput"] | null;
        /** Format: int32 */
        Int32: number;
        /** Format: int32 */
        NullableInt32: number | null;
        /** @description Partial contact information object; null (or absent) means not changed. */
        PatchContactDto: {
            /** @description Concurrency check attribute used by database engine. Pass this value to update contact object when performing PUT (update) or PATCH (partial update) action. */
            Version: components["schemas"]["Base64Bytes"];
            /** @description New email, null is interpreted as not changed. "" sets it to null. */
            Email?: string | null;
            /** @description New Phone country code, null is interpreted as not changed. "" sets it to null. */
            PhoneCountryCode?: string | null;
            /** @description New Phone, null is interpreted as not changed. "" sets it to null. */
            Phone?: string | null;
            /** @description New First Name, null is interpreted as not changed. */
            FirstName?: string | null;
            /** @description New Last Name, null is interpreted as not changed. */
            LastName?: string | null;
            LimitMailsPermanently?: boolean | null;
            LimitMailsTemporarilyUntil?: components["schemas"]["NullableDateTimeInput"];
            /** @description Stored, never returned. */
            ProfileLastUpdated?: components["schemas"]["NullableDateTimeInput"];
            PreferredStoreId?: components["schemas"]["NullableInt32"];
            ContactCompanyId?: components["schemas"]["NullableInt32"];
            /** @description New Password for contact, null is interpreted as password should not be changed. Never returned. */
            NewPassword?: string | null;
            /** @description Source that was specified when latest permission was set. */
            LatestPermissionSource?: string | null;
        };
        /** @description New contact information; every field is replaced (absent = null), except NewPassword (null = unchanged). */
        UpdateContactDto: {
            /** @description New password that overwrites current user password */
            NewPassword?: string | null;
            /** @description Must be set to exactly same value as was returned in ReadContactDto.Version */
            Version: components["schemas"]["Base64Bytes"];
            Email?: string | null;
            PhoneCountryCode?: string | null;
            Phone?: string | null;
            FirstName?: string | null;
            LastName?: string | null;
            LimitMailsPermanently?: boolean | null;
            LimitMailsTemporarilyUntil?: components["schemas"]["NullableDateTimeInput"];
            PreferredStoreId?: components["schemas"]["NullableInt32"];
            ContactCompanyId?: components["schemas"]["NullableInt32"];
            LatestPermissionSource?: string | null;
        };
        CreateContactDto: {
            /** @description Now when absent (suggested). */
            RegistrationDateTime?: components["schemas"]["NullableDateTimeInput"];
            /** @description Registration source for the new contact, e.g. a birthday campaign. */
            RegistrationSource: string;
            /** @description Registration IPv4, e.g. 127.0.0.1; the caller's address when absent (suggested). */
            RegistrationIp?: string | null;
            RegistrationStoreId?: components["schemas"]["NullableInt32"];
            Email?: string | null;
            PhoneCountryCode?: string | null;
            Phone?: string | null;
            FirstName?: string | null;
            LastName?: string | null;
            LimitMailsPermanently?: boolean | null;
            LimitMailsTemporarilyUntil?: components["schemas"]["NullableDateTimeInput"];
            PreferredStoreId?: components["schemas"]["NullableInt32"];
            ContactCompanyId?: components["schemas"]["NullableInt32"];
            LatestPermissionSource?: string | null;
        };
        /** @description Fields a bulk PATCH may set (null clears; "" clears Email, Phone and PhoneCountryCode). Other names are refused. */
        ContactFieldValues: {
            Email?: string | null;
            PhoneCountryCode?: string | null;
            Phone?: string | null;
            FirstName?: string | null;
            LastName?: string | null;
            LimitMailsPermanently?: boolean;
            LimitMailsTemporarilyUntil?: components["schemas"]["NullableDateTimeInput"];
            ProfileLastUpdated?: components["schemas"]["NullableDateTimeInput"];
            PreferredStoreId?: components["schemas"]["NullableInt32"];
            ContactCompanyId?: components["schemas"]["NullableInt32"];
            LatestPermissionSource?: string | null;
        };
        PatchContactsDto: {
            /**
             * @description Indicates type of {Keys} (UpdateContactKeyType; only Id is documented). Json.NET also reads the enum's number.
             * @enum {unknown}
             */
            KeyType?: "Id" | 0;
            /** @description Indicates contact field values for a PATCH */
            Keys?: string[] | null;
            /** @description Indicates contact field names and values for a PATCH */
            Fields?: components["schemas"]["ContactFieldValues"] | null;
        };
        PatchContactsResultDto: {
            /** @description Indicates which given {Keys} were found and PATCHed with given {Fields} */
            Updated: string[];
            /** @description Indicates which given {Keys} were not found */
            NotFound: string[];
        };
        /** @description A form field; "" binds as null (Web API's ConvertEmptyStringToNull). */
        FormString: string;
        FormInt32: string;
        FormBoolean: string;
        FormDateTime: string;
        FormBase64: string;
        /** @description PatchContactDto as form fields. */
        PatchContactForm: {
            Version: components["schemas"]["FormBase64"];
            Email?: string;
            PhoneCountryCode?: string;
            Phone?: string;
            FirstName?: string;
            LastName?: string;
            LimitMailsPermanently?: components["schemas"]["FormBoolean"];
            LimitMailsTemporarilyUntil?: components["schemas"]["FormDateTime"];
            ProfileLastUpdated?: components["schemas"]["FormDateTime"];
            PreferredStoreId?: components["schemas"]["FormInt32"];
            ContactCompanyId?: components["schemas"]["FormInt32"];
            NewPassword?: components["schemas"]["FormString"];
            LatestPermissionSource?: components["schemas"]["FormString"];
        };
        /** @description UpdateContactDto as form fields. */
        UpdateContactForm: {
            NewPassword?: components["schemas"]["FormString"];
            Version: components["schemas"]["FormBase64"];
            Email?: string;
            PhoneCountryCode?: string;
            Phone?: string;
            FirstName?: string;
            LastName?: string;
            LimitMailsPermanently?: components["schemas"]["FormBoolean"];
            LimitMailsTemporarilyUntil?: components["schemas"]["FormDateTime"];
            PreferredStoreId?: components["schemas"]["FormInt32"];
            ContactCompanyId?: components["schemas"]["FormInt32"];
            LatestPermissionSource?: components["schemas"]["FormString"];
        };
        /** @description CreateContactDto as form fields. */
        CreateContactForm: {
            RegistrationDateTime?: components["schemas"]["FormDateTime"];
            RegistrationSource: string;
            RegistrationIp?: string;
            RegistrationStoreId?: components["schemas"]["FormInt32"];
            Email?: string;
            PhoneCountryCode?: string;
            Phone?: string;
            FirstName?: string;
            LastName?: string;
            LimitMailsPermanently?: components["schemas"]["FormBoolean"];
            LimitMailsTemporarilyUntil?: components["schemas"]["FormDateTime"];
            PreferredStoreId?: components["schemas"]["FormInt32"];
            ContactCompanyId?: components["schemas"]["FormInt32"];
            LatestPermissionSource?: components["schemas"]["FormString"];
        };
        /** @description PatchContactsDto as form fields, MVC style: KeyType=Id&Keys=1&Keys=2 (or Keys[0]=1) and Fields[FirstName]=Ann. */
        PatchContactsForm: {
            KeyType?: string;
            Keys?: string | string[];
        } & {
            [key: string]: string;
        };
        /** @description Every property of ReadContactDto, each always present (possibly null). */
        ContactProperties: {
            /**
             * Format: int32
             * @description Id of contact uniquely identifying withing database.
             */
            Id: number;
            /** @description Hard-to-guess secret that identifies the contact in links (http://example.com/?s={Secret}). The sandbox uses 32 hex digits. */
            Secret: string;
            RegistrationDateTime: components["schemas"]["DateTimeOffset"];
            RegistrationSource: string;
            RegistrationIp: string;
            /** @description Date and time of last modification of contact in database */
            LastModified: components["schemas"]["DateTimeOffset"];
            Version: components["schemas"]["RowVersion"];
            /** Format: int32 */
            RegistrationStoreId: number | null;
            Email: string | null;
            PhoneCountryCode: string | null;
            Phone: string | null;
            FirstName: string | null;
            LastName: string | null;
            LimitMailsPermanently: boolean;
            LimitMailsTemporarilyUntil: components["schemas"]["DateTimeOffset"] | null;
            /** Format: int32 */
            PreferredStoreId: number | null;
            /** Format: int32 */
            ContactCompanyId: number | null;
            LatestPermissionSource: string | null;
        };
        /**
         * @description The contact as every read and write answers it (Json.NET writes null properties).
         * @example {
         *       "Id": 1,
         *       "Secret": "sample string 2",
         *       "RegistrationDateTime": "2024-11-21T06:45:32.6938828+00:00",
         *       "RegistrationSource": "sample string 4",
         *       "RegistrationIp": "sample string 5",
         *       "LastModified": "2024-11-21T06:45:32.6938828+00:00",
         *       "Version": "QEA=",
         *       "RegistrationStoreId": 1,
         *       "Email": "sample string 7",
         *       "PhoneCountryCode": "sample 8",
         *       "Phone": "sample string 9",
         *       "FirstName": "sample string 10",
         *       "LastName": "sample string 11",
         *       "LimitMailsPermanently": true,
         *       "LimitMailsTemporarilyUntil": "2024-11-21T06:45:32.6938828+00:00",
         *       "PreferredStoreId": 1,
         *       "ContactCompanyId": 1,
         *       "LatestPermissionSource": "sample string 13"
         *     }
         */
        ReadContactDto: components["schemas"]["ContactProperties"];
        ReadRegisteredContactDto: {
            /** Format: int32 */
            Id: number;
            RegistrationDateTime: components["schemas"]["DateTimeOffset"];
            RegistrationSource: string;
            RegistrationIp: string;
        };
        /** @description ASP.NET Web API 2's error envelope as remote clients see it (no MessageDetail/ExceptionMessage). */
        HttpError: {
            Message: string;
        };
        /**
         * @description Request.CreateErrorResponse(HttpStatusCode.BadRequest, ModelState), every problem at once.
         * @example {
         *       "Message": "The request is invalid.",
         *       "ModelState": {
         *         "patchContactDto.Version": [
         *           "The Version field is required."
         *         ]
         *       }
         *     }
         */
        ModelStateError: {
            /** @constant */
            Message: "The request is invalid.";
            ModelState: {
                [key: string]: string[];
            };
        };
        /** @description An account as the sandbox's fixtures hold it, with the credentials that act for it. */
        SandboxAccount: {
            Account: string;
            Name: string;
            BearerToken: string;
            BasicUserName: string;
            BasicPassword: string;
        };
        SandboxStore: {
            /** Format: int32 */
            Id: number;
            Account: string;
            Name: string;
        };
        /** @description A contact as the sandbox's fixtures hold it - the ReadContactDto plus what it never returns. */
        SandboxContact: components["schemas"]["ContactProperties"] & {
            Account: string;
            Password: string | null;
            ProfileLastUpdated: components["schemas"]["DateTimeOffset"] | null;
        };
    };
    responses: {
        /** @description The contact */
        Contact: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ReadContactDto"];
                "text/json": components["schemas"]["ReadContactDto"];
            };
        };
        /** @description Updated contact (a new Version and LastModified) */
        UpdatedContact: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ReadContactDto"];
                "text/json": components["schemas"]["ReadContactDto"];
            };
        };
        /** @description The Version is not the current one, another contact of the account has the Email or Phone, or no store has the PreferredStoreId; the body is the current contact. */
        ContactConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ReadContactDto"];
                "text/json": components["schemas"]["ReadContactDto"];
            };
        };
        /** @description Another contact of the account has the Email or Phone, or no store has the PreferredStoreId (Web API's Conflict(), no body; suggested). */
        EmptyConflict: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description No contact with this id (or secret) in the account (Web API's NotFound(), no body). */
        ContactNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /**
         * @description No contact with this id in the account: Web API's NotFound(), no body.
         *     Or an `{id}` that is not a 32-bit integer: no route matches the path
         *     at all, and the framework answers its no-route `HttpError` (the same
         *     body as `NoRoute`). The body is optional (`x-body-optional`): the
         *     sandbox's own checks accept an empty 404 here and check a present one
         *     against the schema (docs/decisions/0071).
         */
        ContactNotFoundOrNoRoute: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HttpError"];
                "text/json": components["schemas"]["HttpError"];
            };
        };
        /** @description The body (or a query parameter) does not bind or validate; every problem at once, keyed by the action parameter's name. */
        InvalidModel: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ModelStateError"];
                "text/json": components["schemas"]["ModelStateError"];
            };
        };
        /** @description No valid credentials (the framework's [Authorize] answer; docs/vendors/loyaltii.md §3.2) */
        Unauthorized: {
            headers: {
                /** @description The scheme the API expects (Bearer, or Basic realm="Loyaltii"). */
                "WWW-Authenticate": string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HttpError"];
                "text/json": components["schemas"]["HttpError"];
            };
        };
        /** @description No route matches (an unknown path under /api/v1, or an {id} that is not a 32-bit integer) */
        NoRoute: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HttpError"];
                "text/json": components["schemas"]["HttpError"];
            };
        };
        /** @description The path exists but no action takes this method; carries Allow */
        MethodNotAllowed: {
            headers: {
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HttpError"];
                "text/json": components["schemas"]["HttpError"];
            };
        };
        /** @description Body over the size limit (suggested envelope) */
        RequestEntityTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HttpError"];
                "text/json": components["schemas"]["HttpError"];
            };
        };
        /** @description A body that is neither JSON (application/json, text/json) nor a form, or a body without Content-Type */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HttpError"];
                "text/json": components["schemas"]["HttpError"];
            };
        };
        /** @description An unhandled exception: {"Message":"An error has occurred."} */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HttpError"];
                "text/json": components["schemas"]["HttpError"];
            };
        };
    };
    parameters: {
        /**
         * @description Id of contact. Web API's `{id:int}` constraint - anything else matches no route (404).
         * @example 1
         */
        contactId: number;
    };
    requestBodies: never;
    headers: {
        /** @description The methods the path supports. */
        Allow: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Id of contact. Web API's `{id:int}` constraint - anything else matches no route (404).
                 * @example 1
                 */
                id: components["parameters"]["contactId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Contact"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["ContactNotFoundOrNoRoute"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Id of contact. Web API's `{id:int}` constraint - anything else matches no route (404).
                 * @example 1
                 */
                id: components["parameters"]["contactId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContactDto"];
                "text/json": components["schemas"]["UpdateContactDto"];
                "application/x-www-form-urlencoded": components["schemas"]["UpdateContactForm"];
            };
        };
        responses: {
            200: components["responses"]["UpdatedContact"];
            400: components["responses"]["InvalidModel"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["ContactNotFoundOrNoRoute"];
            409: components["responses"]["ContactConflict"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    patchContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Id of contact. Web API's `{id:int}` constraint - anything else matches no route (404).
                 * @example 1
                 */
                id: components["parameters"]["contactId"];
            };
            cookie?: never;
        };
        /** @description Partial contact information object */
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchContactDto"];
                "text/json": components["schemas"]["PatchContactDto"];
                "application/x-www-form-urlencoded": components["schemas"]["PatchContactForm"];
            };
        };
        responses: {
            200: components["responses"]["UpdatedContact"];
            400: components["responses"]["InvalidModel"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["ContactNotFoundOrNoRoute"];
            409: components["responses"]["ContactConflict"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getContactBySecret: {
        parameters: {
            query: {
                /**
                 * @description Contact secret
                 * @example 3f6c0e1b9a2d4c7e8f01a2b3c4d5e6f7
                 */
                secret: string;
                /** @description If provided - it will be used for brute force protection */
                ip?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Contact"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["ContactNotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContactDto"];
                "text/json": components["schemas"]["CreateContactDto"];
                "application/x-www-form-urlencoded": components["schemas"]["CreateContactForm"];
            };
        };
        responses: {
            /** @description Created (suggested status; Web API's CreatedAtRoute) */
            201: {
                headers: {
                    /** @description Absolute URI of the new contact. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadContactDto"];
                    "text/json": components["schemas"]["ReadContactDto"];
                };
            };
            400: components["responses"]["InvalidModel"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["EmptyConflict"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    patchContacts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchContactsDto"];
                "text/json": components["schemas"]["PatchContactsDto"];
                "application/x-www-form-urlencoded": components["schemas"]["PatchContactsForm"];
            };
        };
        responses: {
            /** @description Which keys were found and patched, which were not */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatchContactsResultDto"];
                    "text/json": components["schemas"]["PatchContactsResultDto"];
                };
            };
            400: components["responses"]["InvalidModel"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["EmptyConflict"];
            413: components["responses"]["RequestEntityTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getRegistrations: {
        parameters: {
            query?: {
                /** @description Refers to minutes, in which the contact was registered (RegistrationDateTime). */
                timespan?: number;
                /** @description Contact RegistrationSource */
                source?: string;
                /** @description Contact RegistrationIp */
                ip?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Collection of ReadRegisteredContactDto */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadRegisteredContactDto"][];
                    "text/json": components["schemas"]["ReadRegisteredContactDto"][];
                };
            };
            400: components["responses"]["InvalidModel"];
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
